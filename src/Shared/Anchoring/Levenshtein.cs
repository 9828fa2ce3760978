// Exact Levenshtein distance with a cut-off, filling only the diagonal band |i - j| <= max of the
// table (Ukkonen 1985). The fuzzy matcher finds candidates with bit vectors; this plain table is the
// independent last word on the contract's promise that an anchor's text is within max(1, n / 4)
// edits of the quote, so a slip in the clever code cannot turn into a wrong anchor.
namespace Annotate.Shared.Anchoring;

internal static class Levenshtein
{
    /// <summary>The edit distance of <paramref name="a"/> and <paramref name="b"/>, or <c>max + 1</c> when it exceeds <paramref name="max"/>.</summary>
    public static int Bounded(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (max < 0) return 0;
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        if (a.Length == 0 || b.Length == 0) return Math.Max(a.Length, b.Length);

        const int Far = int.MaxValue / 2;
        var m = b.Length;
        Span<int> prev = m < 512 ? stackalloc int[m + 1] : new int[m + 1];
        Span<int> cur = m < 512 ? stackalloc int[m + 1] : new int[m + 1];
        prev.Fill(Far);
        for (var j = 0; j <= Math.Min(m, max); j++) prev[j] = j;

        for (var i = 1; i <= a.Length; i++)
        {
            var lo = Math.Max(1, i - max);
            var hi = Math.Min(m, i + max);
            cur[lo - 1] = lo == 1 ? i : Far;
            var rowMin = cur[lo - 1];
            var ai = a[i - 1];
            for (var j = lo; j <= hi; j++)
            {
                var v = prev[j - 1] + (ai == b[j - 1] ? 0 : 1);
                var up = prev[j] + 1;
                if (up < v) v = up;
                var left = cur[j - 1] + 1;
                if (left < v) v = left;
                cur[j] = v;
                if (v < rowMin) rowMin = v;
            }
            // The next row reads one cell further right: it lies outside this row's band.
            if (hi < m) cur[hi + 1] = Far;
            if (rowMin > max) return max + 1;
            var swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[m] > max ? max + 1 : prev[m];
    }
}
