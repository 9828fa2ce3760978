// Carries annotations from one revision of a text to the next. Build computes the diff once
// (TextDiff); each annotation is then placed by arithmetic when its passage lies in text the edit did
// not touch, and only the rest go to Locate - with a hint moved through the diff, so that edits
// earlier in the text do not leave it hundreds of chars off.
//
// A matched stretch shorter than MinTrustedRun is not trusted on its own: a diff happily pairs the
// stray common words ("of the") of a rewritten sentence, and a passage there is better judged by Locate
// with its context than placed by the alignment.
namespace Annotate.Shared.Anchoring;

public sealed class RevisionMap
{
    /// <summary>Matched stretches shorter than this (UTF-16) are not trusted to carry a passage by themselves.</summary>
    internal const int MinTrustedRun = 32;

    private readonly DiffRun[] ordered;   // in-order runs, by OldStart
    private readonly DiffRun[] moved;

    private RevisionMap(string oldText, string newText, List<DiffRun> runs)
    {
        OldText = oldText;
        NewText = newText;
        ordered = [.. runs.Where(r => !r.Moved).OrderBy(r => r.OldStart)];
        moved = [.. runs.Where(r => r.Moved).OrderBy(r => r.OldStart)];
    }

    public string OldText { get; }

    public string NewText { get; }

    /// <summary>Diffs <paramref name="oldText"/> against <paramref name="newText"/> once; reuse the map for every annotation of the revision.</summary>
    public static RevisionMap Build(string oldText, string newText)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        return new RevisionMap(oldText, newText, TextDiff.Runs(oldText, newText));
    }

    /// <summary>
    /// Where <paramref name="oldSpan"/> of the old text is in the new one when it lies wholly in text
    /// the edit left alone (moved paragraphs included), or null when it touches changed text.
    /// </summary>
    public TextSpan? MapUnchanged(TextSpan oldSpan) => Carry(oldSpan)?.Span;

    /// <summary>Places one annotation (selectors of the old text) in the new text.</summary>
    public ReanchorResult Reanchor(TextQuoteSelector quote, TextPositionSelector position)
    {
        if (quote is null || string.IsNullOrEmpty(quote.Exact)) return new ReanchorResult(null, ReanchorHow.Orphan);

        TextSpan? known = null;
        TextSpan? expected = null;
        if (position is not null && CodePoints.TryToUtf16(OldText, position.Start, out var start) && CodePoints.TryToUtf16(OldText, position.End, out var end)
            && end >= start && OldText.AsSpan(start, end - start).SequenceEqual(quote.Exact))
        {
            var oldSpan = new TextSpan(start, end);
            known = oldSpan;
            if (Carry(oldSpan) is { } carried && NewText.AsSpan(carried.Span.Start, carried.Span.Length).SequenceEqual(quote.Exact))
                return new ReanchorResult(carried.Span, carried.Moved ? ReanchorHow.Moved : ReanchorHow.Unchanged);

            // The passage touches changed text: if it is still where it was, it now starts between the
            // unchanged text before it and the unchanged text after it.
            expected = ExpectedStarts(oldSpan);
        }

        var found = (expected is { } range ? TextAnchor.Find(NewText, quote, range) : TextAnchor.Find(NewText, quote, position)).Span;
        if (found is not { } f) return new ReanchorResult(null, ReanchorHow.Orphan);
        // Text the diff carried over, most of it, from elsewhere in the old revision is another passage,
        // even when it reads the same ("day by day" losing one "day"): the annotation's own text is gone.
        if (known is { } old && 2 * CarriedFromElsewhere(f, old) > f.Length)
            return new ReanchorResult(null, ReanchorHow.Orphan);
        if (!NewText.AsSpan(f.Start, f.Length).SequenceEqual(quote.Exact)) return new ReanchorResult(f, ReanchorHow.Fuzzy);
        return new ReanchorResult(f, expected is { } e && f.Start >= e.Start && f.Start <= e.End ? ReanchorHow.Unchanged : ReanchorHow.Moved);
    }

    private (TextSpan Span, bool Moved)? Carry(TextSpan oldSpan)
    {
        if (oldSpan.Start < 0 || oldSpan.End < oldSpan.Start || oldSpan.End > OldText.Length) return null;
        foreach (var runs in new[] { moved, ordered })
        {
            var i = Containing(runs, oldSpan.Start);
            if (i < 0) continue;
            var run = runs[i];
            var trusted = run.Length >= MinTrustedRun || run.Moved || run.OldStart == 0 || run.OldEnd == OldText.Length;
            if (!trusted || oldSpan.End > run.OldEnd) continue;
            var shift = run.NewStart - run.OldStart;
            return (new TextSpan(oldSpan.Start + shift, oldSpan.End + shift), run.Moved);
        }
        return null;
    }

    /// <summary>How many chars of <paramref name="newSpan"/> trusted unchanged runs carried from old text outside <paramref name="old"/>.</summary>
    private int CarriedFromElsewhere(TextSpan newSpan, TextSpan old)
    {
        var carried = 0;
        foreach (var run in moved.Concat(ordered))
        {
            if (run.Length < MinTrustedRun) continue;
            var from = Math.Max(run.NewStart, newSpan.Start);
            var to = Math.Min(run.NewEnd, newSpan.End);
            if (from >= to) continue;
            var oldFrom = from - run.NewStart + run.OldStart;
            var oldTo = to - run.NewStart + run.OldStart;
            carried += to - from - Math.Max(0, Math.Min(oldTo, old.End) - Math.Max(oldFrom, old.Start));
        }
        return carried;
    }

    /// <summary>
    /// The new indexes where a passage that touches changed text can start if it stayed in place: from
    /// where its start maps (or the end of the unchanged text before it) to where the unchanged text
    /// after it now begins.
    /// </summary>
    private TextSpan ExpectedStarts(TextSpan oldSpan)
    {
        var from = Approximately(oldSpan.Start);
        var i = LastStartingAtOrBefore(ordered, oldSpan.End);
        int to;
        if (i >= 0 && oldSpan.End <= ordered[i].OldEnd) to = ordered[i].NewStart + (oldSpan.End - ordered[i].OldStart);
        else to = i + 1 < ordered.Length ? ordered[i + 1].NewStart : NewText.Length;
        return new TextSpan(Math.Min(from, to), Math.Max(from, to));
    }

    /// <summary>The new index of an old one: exact inside an unchanged run, else just after the run before it.</summary>
    private int Approximately(int oldIndex)
    {
        var i = LastStartingAtOrBefore(ordered, oldIndex);
        if (i < 0) return Math.Min(oldIndex, NewText.Length);
        var run = ordered[i];
        if (oldIndex <= run.OldEnd) return run.NewStart + (oldIndex - run.OldStart);
        var next = i + 1 < ordered.Length ? ordered[i + 1].NewStart : NewText.Length;
        return Math.Min(run.NewEnd + (oldIndex - run.OldEnd), next);
    }

    private static int Containing(DiffRun[] runs, int oldIndex)
    {
        var i = LastStartingAtOrBefore(runs, oldIndex);
        return i >= 0 && oldIndex < runs[i].OldEnd ? i : -1;
    }

    private static int LastStartingAtOrBefore(DiffRun[] runs, int oldIndex)
    {
        int lo = 0, hi = runs.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (runs[mid].OldStart <= oldIndex)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found;
    }
}
