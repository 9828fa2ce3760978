// Tallies an engine's answers against the ground truth. "Correct" means the engine found the
// surviving passage: its span overlaps the truth and its text is at least as close to the quote as
// the truth's (an edit at the edge can make two boundaries equally right; "exact" counts the answers
// on the tracked boundaries to the char). "Wrong" is any anchor on other text - the one outcome the
// corpus allows none of. A wrong anchor is also counted as a "twin" when the text around it (the
// selector's prefix, quote and suffix lengths) is at least as close, in edits, to the selector as the
// truth's: as the truth stands in the new text, or - for a passage destroyed or gone - as it stood in
// the old text, which is the selector itself, so the twin must repeat the whole selector verbatim.
// No Locate without the old text can prefer the truth over such a place by content; only the hint
// could. Twins stay wrong in the table; the column only says which wrongs are of that kind.
using Annotate.Shared.Anchoring;

namespace Annotate.Shared.Tests.Anchoring.Corpus;

internal sealed class CorpusScore(string corpus, string path)
{
    public int Surviving { get; private set; }
    public int Correct { get; private set; }
    public int ExactBoundaries { get; private set; }
    public int OrphanedSurvivors { get; private set; }
    public int Lost { get; private set; }
    public int LostOrphaned { get; private set; }
    public int Wrong { get; private set; }
    public int Twins { get; private set; }
    public List<string> WrongCases { get; } = [];
    public List<string> OrphanCases { get; } = [];

    public double CorrectRate => Surviving == 0 ? 1 : (double)Correct / Surviving;

    public const string Header =
        "| corpus | path | surviving | correct | wrong | of which twins | orphaned | % correct | destroyed or gone: orphaned / on their remains |\n" +
        "|---|---|---:|---:|---:|---:|---:|---:|---|";

    public void Add(CorpusCase c, string revised, TextSpan? found)
    {
        var (span, quote, _, truth) = c;
        var k = Math.Max(1, quote.Exact.Length / 4);
        if (truth.Fate == Fate.Surviving)
        {
            Surviving++;
            if (found is null)
            {
                OrphanedSurvivors++;
                OrphanCases.Add($"{span.Kind} '{Show(quote.Exact)}' truth '{Show(revised[truth.Span!.Value.Start..truth.Span.Value.End])}'");
                return;
            }
            var f = found.Value;
            var t = truth.Span!.Value;
            var overlaps = f.Start < t.End && t.Start < f.End || (f == t);
            if (overlaps && Levenshtein.Bounded(quote.Exact, revised.AsSpan(f.Start, f.Length), k) <= truth.Distance)
            {
                Correct++;
                if (f == t) ExactBoundaries++;
                return;
            }
            Wrong++;
            if (IsTwin(quote, revised, f, Stretch(quote, revised, t))) Twins++;
            WrongCases.Add($"{corpus} {path} {span.Kind} surviving '{Show(quote.Exact)}' at {t} '{Show(revised[t.Start..t.End])}' but found {f} '{Show(revised[f.Start..f.End])}'");
            return;
        }

        Lost++;
        if (found is null)
        {
            LostOrphaned++;
            return;
        }
        // Anchoring what is left of a destroyed or torn passage is fair; anything else is wrong.
        var g = found.Value;
        if (truth.SurvivingChars.Any(i => i >= g.Start && i < g.End)) return;
        Wrong++;
        if (IsTwin(quote, revised, g, 0)) Twins++;
        WrongCases.Add($"{corpus} {path} {span.Kind} {truth.Fate} '{Show(quote.Exact)}' but found {g} '{Show(revised[g.Start..g.End])}' ctx '{Show(revised[Math.Max(0, g.Start - 40)..Math.Min(revised.Length, g.End + 40)])}'");
    }

    public string Row() =>
        $"| {corpus} | {path} | {Surviving:N0} | {Correct:N0} | **{Wrong}** | {Twins} | {OrphanedSurvivors:N0} | **{CorrectRate:P2}** | {LostOrphaned} / {Lost - LostOrphaned - WrongCasesLost} (of {Lost}) |";

    public string Report() =>
        $"{corpus}, {path}: surviving {Surviving}: correct {Correct} ({CorrectRate:P2}; exact boundaries {ExactBoundaries}), orphaned {OrphanedSurvivors}, " +
        $"wrong {Wrong} (twins {Twins}); destroyed or gone {Lost}: orphaned {LostOrphaned}, anchored to their remains {Lost - LostOrphaned - WrongCasesLost}";

    /// <summary>True when the selector fits the text around <paramref name="found"/> within <paramref name="truthEdits"/> edits.</summary>
    private static bool IsTwin(TextQuoteSelector quote, string text, TextSpan found, int truthEdits) =>
        Stretch(quote, text, found) <= truthEdits;

    /// <summary>Edits between the selector and the text around <paramref name="span"/>: the selector's context lengths on either side.</summary>
    private static int Stretch(TextQuoteSelector quote, string text, TextSpan span)
    {
        var selector = quote.Prefix + quote.Exact + quote.Suffix;
        var from = Math.Max(0, span.Start - quote.Prefix.Length);
        var to = Math.Min(text.Length, span.End + quote.Suffix.Length);
        return Levenshtein.Bounded(selector, text.AsSpan(from, to - from), selector.Length);
    }

    private int WrongCasesLost => WrongCases.Count(c => c.Contains(" Destroyed ", StringComparison.Ordinal) || c.Contains(" Gone ", StringComparison.Ordinal));

    private static string Show(string s) => (s.Length > 90 ? s[..40] + " … " + s[^40..] : s).Replace("\n", "⏎", StringComparison.Ordinal);
}
