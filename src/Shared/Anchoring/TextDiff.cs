// The diff between two revisions of a canonical text, computed once per revision so that every
// annotation in unchanged text is carried over by arithmetic instead of a search. Three steps, each
// cheap on what the step before left over:
//  1. the common prefix and suffix (a typo fixed in one place leaves almost everything there);
//  2. patience diff on paragraphs (lines): paragraphs that occur once in each text and keep their
//     order anchor the alignment, and equal neighbours extend it;
//  3. between anchors, Myers' O(ND) diff ("An O(ND) difference algorithm and its variations", 1986)
//     on word tokens, so an edited paragraph still has its untouched sentences matched.
// Paragraphs that occur once among the (all but) unmatched text of both sides, verbatim, are recorded
// as moved; RevisionMap looks at moved runs first, where a stray char of a common suffix overlaps one.
// A gap whose token diff would cost more than MaxTokenEdits is left unmatched: its annotations go to
// Locate, which is slower but never wrong for it.
namespace Annotate.Shared.Anchoring;

internal static class TextDiff
{
    /// <summary>Beyond this many token edits in one gap the greedy diff's time and trace memory (D squared) stop paying off.</summary>
    public const int MaxTokenEdits = 1000;

    /// <summary>Moved paragraphs shorter than this are too likely to repeat ("Conclusion") to be paired.</summary>
    public const int MinMovedLength = 32;

    public static List<DiffRun> Runs(string oldText, string newText)
    {
        var runs = new List<DiffRun>();
        var prefix = oldText.AsSpan().CommonPrefixLength(newText);
        var maxSuffix = Math.Min(oldText.Length, newText.Length) - prefix;
        var suffix = 0;
        while (suffix < maxSuffix && oldText[oldText.Length - 1 - suffix] == newText[newText.Length - 1 - suffix]) suffix++;

        if (prefix > 0) runs.Add(new DiffRun(0, 0, prefix));
        var oldEnd = oldText.Length - suffix;
        var newEnd = newText.Length - suffix;
        if (prefix < oldEnd && prefix < newEnd) Paragraphs(oldText, prefix, oldEnd, newText, prefix, newEnd, runs);
        if (suffix > 0) runs.Add(new DiffRun(oldEnd, newEnd, suffix));

        var merged = Merge(runs);
        merged.AddRange(MovedParagraphs(oldText, newText, merged));
        return merged;
    }

    private static void Paragraphs(string a, int aFrom, int aTo, string b, int bFrom, int bTo, List<DiffRun> runs)
    {
        var aLines = Lines(a, aFrom, aTo);
        var bLines = Lines(b, bFrom, bTo);
        var aKeys = aLines.Select(l => a.Substring(l.Start, l.Length)).ToArray();
        var bKeys = bLines.Select(l => b.Substring(l.Start, l.Length)).ToArray();

        // Patience: pairs of lines unique on both sides, longest run of them in the same order.
        var aCount = aKeys.CountBy(k => k).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var bIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var bCount = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var j = 0; j < bKeys.Length; j++)
        {
            bCount[bKeys[j]] = bCount.GetValueOrDefault(bKeys[j]) + 1;
            bIndex[bKeys[j]] = j;
        }
        var pairs = new List<(int A, int B)>();
        for (var i = 0; i < aKeys.Length; i++)
        {
            if (aCount[aKeys[i]] == 1 && bCount.GetValueOrDefault(aKeys[i]) == 1) pairs.Add((i, bIndex[aKeys[i]]));
        }
        var anchors = LongestIncreasing(pairs);

        int ai = 0, bi = 0;
        foreach (var (anchorA, anchorB) in anchors.Append((aLines.Count, bLines.Count)))
        {
            // Equal lines right after the previous anchor and right before this one.
            while (ai < anchorA && bi < anchorB && aKeys[ai] == bKeys[bi])
            {
                runs.Add(new DiffRun(aLines[ai].Start, bLines[bi].Start, aLines[ai].Length));
                ai++;
                bi++;
            }
            var tail = new List<DiffRun>();
            int ae = anchorA, be = anchorB;
            while (ae > ai && be > bi && aKeys[ae - 1] == bKeys[be - 1])
            {
                ae--;
                be--;
                tail.Add(new DiffRun(aLines[ae].Start, bLines[be].Start, aLines[ae].Length));
            }
            if (ai < ae && bi < be)
            {
                Words(a, aLines[ai].Start, aLines[ae - 1].Start + aLines[ae - 1].Length,
                      b, bLines[bi].Start, bLines[be - 1].Start + bLines[be - 1].Length, runs);
            }
            tail.Reverse();
            runs.AddRange(tail);
            if (anchorA < aLines.Count) runs.Add(new DiffRun(aLines[anchorA].Start, bLines[anchorB].Start, aLines[anchorA].Length));
            ai = anchorA + 1;
            bi = anchorB + 1;
        }
    }

    private static void Words(string a, int aFrom, int aTo, string b, int bFrom, int bTo, List<DiffRun> runs)
    {
        var aTokens = Tokens(a, aFrom, aTo);
        var bTokens = Tokens(b, bFrom, bTo);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        int Id(string s, (int Start, int Length) t)
        {
            var key = s.Substring(t.Start, t.Length);
            if (!ids.TryGetValue(key, out var id)) ids[key] = id = ids.Count;
            return id;
        }
        var aIds = aTokens.Select(t => Id(a, t)).ToArray();
        var bIds = bTokens.Select(t => Id(b, t)).ToArray();

        var matches = MyersDiff.Matches(aIds, bIds, MaxTokenEdits);
        if (matches is null) return;
        foreach (var (i, j) in matches)
            runs.Add(new DiffRun(aTokens[i].Start, bTokens[j].Start, aTokens[i].Length));
    }

    // Paragraphs (between "\n\n") that no run covers on either side, paired when verbatim and unique.
    private static IEnumerable<DiffRun> MovedParagraphs(string a, string b, List<DiffRun> runs)
    {
        var aFree = Uncovered(a, runs, r => (r.OldStart, r.OldEnd));
        var bFree = Uncovered(b, runs, r => (r.NewStart, r.NewEnd));
        var bByText = bFree.GroupBy(p => b.Substring(p.Start, p.Length), StringComparer.Ordinal).Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);
        foreach (var group in aFree.GroupBy(p => a.Substring(p.Start, p.Length), StringComparer.Ordinal))
        {
            if (group.Count() == 1 && group.Key.Length >= MinMovedLength && bByText.TryGetValue(group.Key, out var target))
                yield return new DiffRun(group.Single().Start, target.Start, group.Key.Length, Moved: true);
        }
    }

    private static List<(int Start, int Length)> Uncovered(string text, List<DiffRun> runs, Func<DiffRun, (int Start, int End)> side)
    {
        var covered = runs.Select(side).OrderBy(r => r.Start).ToList();
        var free = new List<(int Start, int Length)>();
        var start = 0;
        while (start <= text.Length)
        {
            var at = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            var end = at < 0 ? text.Length : at;
            var s = start;
            // A common prefix or suffix may reach a char or two into a moved paragraph (both end in ".").
            var overlap = covered.Where(r => r.Start < end && s < r.End).Sum(r => Math.Min(end, r.End) - Math.Max(s, r.Start));
            if (end > s && overlap < RevisionMap.MinTrustedRun) free.Add((s, end - s));
            if (at < 0) break;
            start = at + 2;
        }
        return free;
    }

    /// <summary>Lines ending after their '\n' (the last may have none), within <c>[from, to)</c>.</summary>
    private static List<(int Start, int Length)> Lines(string text, int from, int to)
    {
        var lines = new List<(int Start, int Length)>();
        var start = from;
        while (start < to)
        {
            var at = text.IndexOf('\n', start, to - start);
            var end = at < 0 ? to : at + 1;
            lines.Add((start, end - start));
            start = end;
        }
        return lines;
    }

    /// <summary>Words (letters and digits) and every other char on its own.</summary>
    private static List<(int Start, int Length)> Tokens(string text, int from, int to)
    {
        var tokens = new List<(int Start, int Length)>();
        var i = from;
        while (i < to)
        {
            var start = i;
            if (char.IsLetterOrDigit(text[i]))
            {
                while (i < to && char.IsLetterOrDigit(text[i])) i++;
            }
            else
            {
                i++;
            }
            tokens.Add((start, i - start));
        }
        return tokens;
    }

    // Patience sorting: the longest subsequence of pairs (already in A order) increasing in B.
    private static List<(int A, int B)> LongestIncreasing(List<(int A, int B)> pairs)
    {
        var tails = new List<int>();          // index into pairs of the smallest tail of each length
        var previous = new int[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            int lo = 0, hi = tails.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (pairs[tails[mid]].B < pairs[i].B) lo = mid + 1; else hi = mid;
            }
            previous[i] = lo > 0 ? tails[lo - 1] : -1;
            if (lo == tails.Count) tails.Add(i); else tails[lo] = i;
        }
        var result = new List<(int A, int B)>();
        for (var i = tails.Count > 0 ? tails[^1] : -1; i >= 0; i = previous[i]) result.Add(pairs[i]);
        result.Reverse();
        return result;
    }

    private static List<DiffRun> Merge(List<DiffRun> runs)
    {
        var merged = new List<DiffRun>();
        foreach (var run in runs.Where(r => r.Length > 0).OrderBy(r => r.OldStart))
        {
            if (merged.Count > 0 && merged[^1].OldEnd == run.OldStart && merged[^1].NewEnd == run.NewStart)
                merged[^1] = merged[^1] with { Length = merged[^1].Length + run.Length };
            else
                merged.Add(run);
        }
        return merged;
    }
}
