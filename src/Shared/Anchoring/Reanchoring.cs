// Re-anchors every annotation of a document after a new revision: one diff, then each annotation
// placed through it (RevisionMap). The order of the results is the order of the annotations given.
// Annotations are independent and the map is read-only, so a large batch is spread over the cores;
// each result is the same as placing that annotation alone.
namespace Annotate.Shared.Anchoring;

public static class Reanchoring
{
    // Below this many annotations the thread hand-off costs more than it saves.
    private const int ParallelFrom = 256;

    public static IReadOnlyList<ReanchorResult> Reanchor(string oldText, string newText, IReadOnlyList<(TextQuoteSelector Quote, TextPositionSelector Position)> annotations)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        var map = RevisionMap.Build(oldText, newText);
        var results = new ReanchorResult[annotations.Count];
        if (results.Length < ParallelFrom)
        {
            for (var i = 0; i < results.Length; i++) results[i] = map.Reanchor(annotations[i].Quote, annotations[i].Position);
        }
        else
        {
            Parallel.For(0, results.Length, i => results[i] = map.Reanchor(annotations[i].Quote, annotations[i].Position));
        }
        return results;
    }
}
