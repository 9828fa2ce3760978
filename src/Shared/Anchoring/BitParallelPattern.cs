// Bit-parallel approximate string matching after G. Myers (1999), "A fast bit-vector algorithm for
// approximate string matching based on dynamic programming", J. ACM 46(3). One machine word holds the
// vertical differences of a whole column of the edit-distance table for 64 pattern characters, so a
// column costs a handful of word operations instead of 64 cell updates. Patterns longer than 64 chars
// use the paper's blocked variant (section 4) with Ukkonen's cut-off: only the blocks that can still
// hold a score <= k are advanced, so the cost follows the error bound rather than the pattern length.
//
// Two modes over the same tables:
//  * Search - a match may start anywhere (row 0 of the table is all zeros): reports every end
//    position whose best match is within k edits.
//  * Anchored - the match starts at the first text char (row 0 counts 0, 1, 2, ...): gives, for every
//    prefix of a window, its exact edit distance to the whole pattern. Run on reversed strings, this
//    finds where a match ends-at-a-known-place starts; forwards, it measures how well context agrees.
using System.Runtime.CompilerServices;

namespace Annotate.Shared.Anchoring;

internal sealed class BitParallelPattern
{
    private const int Word = 64;
    private const int Ascii = 128;

    private readonly int blocks;
    private readonly ulong[] asciiEq; // [c * blocks + block]: bit i set where pattern[block * 64 + i] == c
    private readonly Dictionary<char, ulong[]>? otherEq;
    private readonly ulong[] none;
    private readonly ulong[] highBits; // per block: the bit of its last pattern row
    private readonly int[] rows;       // per block: the pattern rows it holds

    public BitParallelPattern(ReadOnlySpan<char> pattern)
    {
        Length = pattern.Length;
        blocks = Math.Max(1, (pattern.Length + Word - 1) / Word);
        asciiEq = new ulong[Ascii * blocks];
        none = new ulong[blocks];
        rows = new int[blocks];
        highBits = new ulong[blocks];
        for (var b = 0; b < blocks; b++)
        {
            // A last block that is only partly filled holds fewer rows; bits above its last row never
            // reach the rows below them (additions and shifts only carry upwards).
            rows[b] = Math.Max(1, Math.Min(Word, pattern.Length - b * Word));
            highBits[b] = 1UL << (rows[b] - 1);
        }
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var bit = 1UL << (i % Word);
            if (c < Ascii)
            {
                asciiEq[c * blocks + i / Word] |= bit;
                continue;
            }
            otherEq ??= [];
            if (!otherEq.TryGetValue(c, out var row)) otherEq[c] = row = new ulong[blocks];
            row[i / Word] |= bit;
        }
    }

    public int Length { get; }

    public int Blocks => blocks;

    /// <summary>
    /// Adds to <paramref name="found"/> every end (exclusive, plus <paramref name="offset"/>) of
    /// <paramref name="text"/> at which some substring ending there is within <paramref name="k"/>
    /// edits of the pattern, with that smallest distance.
    /// </summary>
    public void Search(ReadOnlySpan<char> text, int k, int offset, List<EndMatch> found)
    {
        if (Length == 0 || k < 0) return;
        if (blocks == 1)
        {
            SearchOneWord(text, k, offset, found);
            return;
        }

        var last = blocks - 1;
        Span<ulong> pv = blocks <= 32 ? stackalloc ulong[blocks] : new ulong[blocks];
        Span<ulong> mv = blocks <= 32 ? stackalloc ulong[blocks] : new ulong[blocks];
        Span<int> score = blocks <= 32 ? stackalloc int[blocks] : new int[blocks];
        pv.Clear();
        mv.Clear();
        ReadOnlySpan<ulong> highs = highBits;
        ReadOnlySpan<int> rowsOf = rows;
        // Column 0 holds D[i] = i, so rows 1..k (in blocks up to k / 64) start within the bound.
        var y = Math.Min(last, k / Word);
        for (var b = 0; b <= y; b++)
        {
            pv[b] = ulong.MaxValue;
            score[b] = Bottom(b);
        }

        for (var j = 0; j < text.Length; j++)
        {
            if (y == 0)
            {
                // Usually only the first block is within the bound (away from a match it always is): a
                // one-word step, watching the first row of the second block as below.
                var ch = text[j];
                ulong eq0, eq1;
                if (ch < Ascii)
                {
                    eq0 = asciiEq[ch * blocks];
                    eq1 = asciiEq[ch * blocks + 1];
                }
                else
                {
                    eq0 = OtherEq(ch, 0);
                    eq1 = OtherEq(ch, 1);
                }
                var carry0 = Advance(ref pv[0], ref mv[0], eq0, 0, highs[0]);
                score[0] += carry0;
                if (score[0] - carry0 <= k && ((eq1 & 1) != 0 || carry0 < 0))
                {
                    y = 1;
                    pv[1] = ulong.MaxValue;
                    mv[1] = 0;
                    score[1] = score[0] - carry0 + rowsOf[1];
                    score[1] += Advance(ref pv[1], ref mv[1], eq1, carry0, highs[1]);
                    if (y == last && score[y] <= k) found.Add(new EndMatch(offset + j + 1, score[y]));
                }
                continue;
            }

            var eq = Eq(text[j]);
            var carry = 0;
            for (var b = 0; b <= y; b++)
            {
                carry = Advance(ref pv[b], ref mv[b], eq[b], carry, highs[b]);
                score[b] += carry;
            }

            // score[y] - carry is the bottom of block y in the previous column. Only when that was within
            // the bound can the first row of the next block come within it now (Myers, figure 10).
            if (y < last && score[y] - carry <= k && ((eq[y + 1] & 1) != 0 || carry < 0))
            {
                y++;
                // The new block's previous column is taken as rising by one per row: an over-estimate,
                // which is safe because cells above k never decide a cell within k.
                pv[y] = ulong.MaxValue;
                mv[y] = 0;
                score[y] = score[y - 1] - carry + rowsOf[y];
                carry = Advance(ref pv[y], ref mv[y], eq[y], carry, highs[y]);
                score[y] += carry;
            }
            else
            {
                // Every cell of a block lies within Rows - 1 of its bottom: a bottom at k + Rows or more
                // means the whole block is out of bound and need not be advanced.
                while (y > 0 && score[y] >= k + rowsOf[y]) y--;
            }

            if (y == last && score[y] <= k) found.Add(new EndMatch(offset + j + 1, score[y]));
        }
    }

    /// <summary>
    /// Fills <paramref name="distances"/>[j] with the edit distance between the whole pattern and
    /// <c>text[..(j + 1)]</c>, for every j below the window's length.
    /// </summary>
    public void Anchored(ReadOnlySpan<char> text, Span<int> distances)
    {
        if (blocks == 1)
        {
            AnchoredOneWord(text, distances);
            return;
        }

        var pv = new ulong[blocks];
        var mv = new ulong[blocks];
        var score = new int[blocks];
        for (var b = 0; b < blocks; b++)
        {
            pv[b] = ulong.MaxValue;
            score[b] = Bottom(b);
        }

        for (var j = 0; j < text.Length; j++)
        {
            var eq = Eq(text[j]);
            // Row 0 is j itself here, so it rises by one at every column.
            var carry = 1;
            for (var b = 0; b < blocks; b++)
            {
                carry = Advance(ref pv[b], ref mv[b], eq[b], carry, HighBit(b));
                score[b] += carry;
            }
            distances[j] = score[blocks - 1];
        }
    }

    private void SearchOneWord(ReadOnlySpan<char> text, int k, int offset, List<EndMatch> found)
    {
        var high = HighBit(0);
        var pv = ulong.MaxValue;
        var mv = 0UL;
        var score = Length;
        var eqs = asciiEq;
        for (var j = 0; j < text.Length; j++)
        {
            var c = text[j];
            var eq = c < Ascii ? eqs[c] : OtherEq(c, 0);
            var xv = eq | mv;
            var xh = (((eq & pv) + pv) ^ pv) | eq;
            var ph = mv | ~(xh | pv);
            var mh = pv & xh;
            if ((ph & high) != 0) score++;
            else if ((mh & high) != 0) score--;
            ph <<= 1;
            mh <<= 1;
            pv = mh | ~(xv | ph);
            mv = ph & xv;
            if (score <= k) found.Add(new EndMatch(offset + j + 1, score));
        }
    }

    // Context and short quotes fit one word: the same step without arrays, so that scoring hundreds
    // of candidates allocates nothing.
    private void AnchoredOneWord(ReadOnlySpan<char> text, Span<int> distances)
    {
        var high = HighBit(0);
        var pv = ulong.MaxValue;
        var mv = 0UL;
        var score = Length;
        for (var j = 0; j < text.Length; j++)
        {
            var c = text[j];
            var eq = c < Ascii ? asciiEq[c] : OtherEq(c, 0);
            score += Advance(ref pv, ref mv, eq, 1, high);
            distances[j] = score;
        }
    }

    /// <summary>One column step of one block (Myers, figure 8): carries the horizontal difference in at the top and out at the bottom.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Advance(ref ulong pv, ref ulong mv, ulong eq, int carryIn, ulong high)
    {
        var xv = eq | mv;
        if (carryIn < 0) eq |= 1;
        var xh = (((eq & pv) + pv) ^ pv) | eq;
        var ph = mv | ~(xh | pv);
        var mh = pv & xh;
        var carryOut = (ph & high) != 0 ? 1 : (mh & high) != 0 ? -1 : 0;
        ph <<= 1;
        mh <<= 1;
        if (carryIn < 0) mh |= 1;
        else if (carryIn > 0) ph |= 1;
        pv = mh | ~(xv | ph);
        mv = ph & xv;
        return carryOut;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<ulong> Eq(char c) =>
        c < Ascii ? asciiEq.AsSpan(c * blocks, blocks)
        : otherEq is not null && otherEq.TryGetValue(c, out var row) ? row
        : none;

    private ulong OtherEq(char c, int block) =>
        otherEq is not null && otherEq.TryGetValue(c, out var row) ? row[block] : 0;

    /// <summary>Pattern rows held by a block: 64, except in a last block that is only partly filled.</summary>
    private int Rows(int block) => rows[block];

    /// <summary>The table row at the bottom of a block (rows count from 1).</summary>
    private int Bottom(int block) => block * Word + rows[block];

    private ulong HighBit(int block) => highBits[block];
}
