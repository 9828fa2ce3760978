// The places that could matter for one selector, found through the TextIndex instead of by reading
// the whole text. By the pigeonhole principle, a place whose text is within e edits of a stretch of
// the selector keeps at least two of e + 2 equal pieces of that stretch verbatim, at about the right
// distance from each other; so looking up the pieces (each by its rarest four chars, then read in full)
// and keeping the starts two of them agree on finds every such place, and few others. AnchorSearch
// chooses e from the evidence of the best place so far: a place with more edits could not rival it.
namespace Annotate.Shared.Anchoring;

/// <param name="selector">Prefix, quote and suffix, one after the other.</param>
/// <param name="quoteStart">Where the quote starts in <paramref name="selector"/>.</param>
internal sealed class Neighbourhoods(string text, string selector, int quoteStart)
{
    /// <summary>Pieces whose rarest four chars occur more often than this are too common to look up.</summary>
    private const int MaxOccurrences = 256;

    private readonly TextIndex index = TextIndex.For(text);
    private int[]? counts; // per selector offset: 1 + occurrences of the four chars there, 0 not yet counted

    /// <summary>
    /// The quote starts (as ranges, <paramref name="edits"/> either side for words inserted or deleted)
    /// of every place where <c>selector[from..to]</c> is within <paramref name="edits"/> edits; or null when the pieces
    /// would be too short or too common to find them all. With <paramref name="twoPieces"/> a place must
    /// keep two pieces (one more piece is cut): fewer places where one common phrase is all they share,
    /// for shorter pieces.
    /// </summary>
    public List<(int From, int To)>? Within(int from, int to, int edits, bool twoPieces = true)
    {
        var kept = twoPieces ? 2 : 1;
        if (edits < 0) return [];
        var length = to - from;
        if (edits >= length / TextIndex.Gram) return null;

        // Pieces too common to look up could be the ones a place keeps: cut more pieces, so that a place
        // with this many edits keeps enough that can be looked up.
        var rarest = new List<(int Start, int End, int Gram)>();
        for (var pieces = edits + kept; ; )
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
                    var count = Count(o);
                    if (count < fewest) (gram, fewest) = (o, count);
                }
                if (fewest > MaxOccurrences) common++;
                else rarest.Add((a, b, gram));
            }
            if (pieces - common >= edits + kept) break;
            pieces = edits + kept + common;
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

        // Two pieces agreeing on a start (within the edits between them) make a place; or one, if one is enough.
        var starts = new List<(int From, int To)>();
        for (int i = 0, j = 0; i < votes.Count; i++)
        {
            while (votes[i].Start - votes[j].Start > edits) j++;
            // A piece votes once per place: another piece among the votes in reach is what counts.
            var other = !twoPieces;
            for (var v = j; v < i && !other; v++) other = votes[v].Piece != votes[i].Piece;
            if (other) starts.Add((votes[j].Start - edits, votes[i].Start + edits));
        }
        return starts;
    }

    private int Count(int offset)
    {
        counts ??= new int[selector.Length];
        if (counts[offset] == 0) counts[offset] = 1 + index.Count(selector.AsSpan(offset, TextIndex.Gram));
        return counts[offset] - 1;
    }
}
