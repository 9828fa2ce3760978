// Re-anchors every annotation of a document after a new revision: one diff, then each annotation
// placed through it (RevisionMap). The order of the results is the order of the annotations given.
namespace Annotate.Shared.Anchoring;

public static class Reanchoring
{
    public static IReadOnlyList<ReanchorResult> Reanchor(string oldText, string newText, IReadOnlyList<(TextQuoteSelector Quote, TextPositionSelector Position)> annotations)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        var map = RevisionMap.Build(oldText, newText);
        var results = new ReanchorResult[annotations.Count];
        for (var i = 0; i < results.Length; i++) results[i] = map.Reanchor(annotations[i].Quote, annotations[i].Position);
        return results;
    }
}
