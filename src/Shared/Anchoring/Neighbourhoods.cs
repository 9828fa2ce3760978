// The places that could matter for one selector, found through the TextIndex instead of by reading
// the whole text. By the pigeonhole principle, a place whose text is within e edits of a stretch of
// the selector keeps at least two of e + 2 equal pieces of that stretch verbatim, at about the right
// distance from each other; so looking up the pieces (each by its rarest four chars, then read in full)
// and keeping the starts two of them agree on finds every such place, and few others. AnchorSearch
// chooses e from the evidence of the best place so far: a place with more edits could not rival it.
namespace Annotate.Shared.Anchoring;

internal static class Neighbourhoods
{
    /// <summary>Pieces whose rarest four chars occur more often than this are too common to look up.</summary>
    private const int MaxOccurrences = 256;

    /// <summary>Pieces a place must keep to be examined: two, so that one common phrase alone does not make a place.</summary>
    /// <remarks>Finding the places that keep two is written for exactly two (any other piece within reach).</remarks>
    private const int Kept = 2;

    /// <summary>
    /// The quote starts (as ranges, <paramref name="edits"/> either side for words inserted or deleted)
    /// of every place where <c>selector[from..to]</c> is within <paramref name="edits"/> edits, given
    /// that the quote starts at <paramref name="quoteStart"/> in the selector; or null when the pieces
    /// would be too short or too common to find them all.
    /// </summary>
    public static List<(int From, int To)>? Within(string text, string selector, int from, int to, int edits, int quoteStart)
    {
        if (edits < 0) return [];
        var length = to - from;
        if (edits >= length / TextIndex.Gram) return null;
        var index = TextIndex.For(text);

        // Pieces too common to look up could be the ones a place keeps: cut more pieces, so that a place
        // with this many edits keeps enough that can be looked up.
        var rarest = new List<(int Start, int End, int Gram)>();
        for (var pieces = edits + Kept; ; )
        {
            if (pieces > length / TextIndex.Gram) return null;
            rarest.Clear();
            var common = 0;
            for (var p = 0; p < pieces; p++)
            {
                var a = from + p * length / pieces;
                var b = from + (p + 1) * length / pieces;
                int gram = a, fewest = int.MaxValue;
                for (var o = a; o + TextIndex.Gram <= b && fewest > 0; o++)
                {
                    var count = index.Count(selector.AsSpan(o, TextIndex.Gram));
                    if (count < fewest) (gram, fewest) = (o, count);
                }
                if (fewest > MaxOccurrences) common++;
                else rarest.Add((a, b, gram));
            }
            if (pieces - common >= edits + Kept) break;
            pieces = edits + Kept + common;
        }

        var votes = new List<(int Start, int Piece)>();
        var found = new List<int>();
        for (var r = 0; r < rarest.Count; r++)
        {
            var (a, b, gram) = rarest[r];
            found.Clear();
            index.AddOccurrences(selector.AsSpan(gram, TextIndex.Gram), found);
            var piece = selector.AsSpan(a, b - a);
            foreach (var at in found)
            {
                var pieceStart = at - (gram - a);
                if (pieceStart < 0 || pieceStart + piece.Length > text.Length || !text.AsSpan(pieceStart, piece.Length).SequenceEqual(piece)) continue;
                votes.Add((pieceStart - a + quoteStart, r));
            }
        }
        votes.Sort();

        // Two pieces agreeing on a start (within the edits between them) make a place.
        var starts = new List<(int From, int To)>();
        for (int i = 0, j = 0; i < votes.Count; i++)
        {
            while (votes[i].Start - votes[j].Start > edits) j++;
            // A piece votes once per place: another piece among the votes in reach is what counts.
            var other = false;
            for (var v = j; v < i && !other; v++) other = votes[v].Piece != votes[i].Piece;
            if (other) starts.Add((votes[j].Start - edits, votes[i].Start + edits));
        }
        return starts;
    }
}
