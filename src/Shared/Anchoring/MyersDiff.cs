// Myers' greedy O(ND) diff (E. Myers, "An O(ND) difference algorithm and its variations",
// Algorithmica 1986) over two sequences of token ids: the furthest-reaching path on each diagonal
// for D = 0, 1, 2, ... edits, then a walk back through the saved frontiers to list the matched pairs.
// Time O((N + M) D) and memory O(D squared) for the saved frontiers, so it gives up past a bound.
namespace Annotate.Shared.Anchoring;

internal static class MyersDiff
{
    /// <summary>Index pairs (i, j) with a[i] == b[j] on a shortest edit script, in order; null past <paramref name="maxEdits"/>.</summary>
    public static List<(int A, int B)>? Matches(int[] a, int[] b, int maxEdits)
    {
        int n = a.Length, m = b.Length;
        var limit = Math.Min(n + m, maxEdits);
        var offset = limit + 1;
        var v = new int[2 * limit + 3];
        var trace = new List<int[]>();

        for (var d = 0; d <= limit; d++)
        {
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    trace.Add(v[(offset - d)..(offset + d + 1)]);
                    return Walk(a, b, trace, d);
                }
            }
            trace.Add(v[(offset - d)..(offset + d + 1)]);
        }
        return null;
    }

    private static List<(int A, int B)> Walk(int[] a, int[] b, List<int[]> trace, int edits)
    {
        var matches = new List<(int A, int B)>();
        int x = a.Length, y = b.Length;
        for (var d = edits; d > 0; d--)
        {
            var previous = trace[d - 1]; // frontier after d - 1 edits, diagonals -(d - 1)..(d - 1)
            var k = x - y;
            int At(int diagonal) => previous[diagonal + d - 1];
            var down = k == -d || (k != d && At(k - 1) < At(k + 1));
            var previousK = down ? k + 1 : k - 1;
            var previousX = At(previousK);
            var startX = down ? previousX : previousX + 1;
            var startY = startX - k;
            while (x > startX && y > startY)
            {
                x--;
                y--;
                matches.Add((x, y));
            }
            x = previousX;
            y = previousX - previousK;
        }
        while (x > 0 && y > 0)
        {
            x--;
            y--;
            matches.Add((x, y));
        }
        matches.Reverse();
        return matches;
    }
}
