// Where a selected span's text is in an edited revision, from the tracked origins of its chars:
//  * Surviving: its chars are together and the text there is within the contract's bound
//    (max(1, n / 4) edits) of the quote - an engine should find exactly this place;
//  * Destroyed: its chars are together but edited past that bound - an engine may leave it orphaned,
//    and must not put it anywhere else;
//  * Gone: all its chars were deleted, or what is left was torn apart by a move.
using Annotate.Shared.Anchoring;

namespace Annotate.Shared.Tests.Anchoring.Corpus;

internal enum Fate { Surviving, Destroyed, Gone }

internal sealed record Truth(Fate Fate, TextSpan? Span, int Distance, IReadOnlyList<int> SurvivingChars);

internal static class GroundTruth
{
    public static Truth Of(CorpusSpan span, string exact, string revised, int[] origins)
    {
        var survivors = new List<int>();
        for (var i = 0; i < origins.Length; i++)
            if (origins[i] >= span.Start && origins[i] < span.End) survivors.Add(i);
        if (survivors.Count == 0) return new Truth(Fate.Gone, null, int.MaxValue, survivors);

        var region = new TextSpan(survivors[0], survivors[^1] + 1);
        for (var i = region.Start; i < region.End; i++)
        {
            if (origins[i] >= 0 && (origins[i] < span.Start || origins[i] >= span.End))
                return new Truth(Fate.Gone, null, int.MaxValue, survivors);
        }

        var k = Math.Max(1, exact.Length / 4);
        var distance = Levenshtein.Bounded(exact, revised.AsSpan(region.Start, region.Length), k);
        return new Truth(distance <= k ? Fate.Surviving : Fate.Destroyed, region, distance, survivors);
    }
}
