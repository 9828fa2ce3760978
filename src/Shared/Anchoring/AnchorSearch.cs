// Gathers the places a quote may now occupy, once the quick check at the hint has failed, and hands
// them to AnchorVerdict: verbatim occurrences and places within the contract's edit bound
// (FuzzyMatcher), wherever they are - a passage may have moved any distance, and only the evidence
// says which place is the passage.
//
// Looking everywhere costs a full read of the text per annotation, so on a text of any size the look
// is narrowed first: to the places that keep pieces of the selector (Neighbourhoods), as many edits'
// worth as the best place so far asks for, and to the chars around the hint. What lies outside is
// bounded, and when the bound says it could change the verdict, the whole text is read after all -
// which gives the same answer, only slower (NarrowedSearchTests holds the two equal).
//
// Work is capped so that hostile input stays cheap: quotes outside FuzzyMatcher's length limits match
// only verbatim, and a text too long for a full fuzzy search is searched only around the hint.
namespace Annotate.Shared.Anchoring;

internal static class AnchorSearch
{
    /// <summary>How far (UTF-16) either side of the hint a text too long to read whole is searched.</summary>
    private const int HintReach = 1024;

    /// <summary>
    /// Text chars times 64-bit blocks one fuzzy search may visit: a 2,048-char quote over 250 KB, or a
    /// short quote over 16 MB. Some 20 to 60 ms on a slow core.
    /// </summary>
    public const long MaxFuzzyWork = 16_000_000;

    /// <summary>Texts up to this long are read whole: narrowing would cost more than it saves.</summary>
    private const int SmallText = 4096;

    /// <summary>How far either side of the hint a narrowed look examines everything (for a quote of up to 64 chars).</summary>
    private const int NearHint = 512;

    /// <summary>While nothing is found, pieces are made shorter down to this length.</summary>
    private const int MinPiece = 8;

    /// <summary>Edits of the whole selector looked for first: enough for a best that matches nearly verbatim.</summary>
    private const int FirstLook = 4;

    /// <param name="hint">Where the passage is expected to start: one index, or a range of them.</param>
    public static AnchorResult Find(string text, TextQuoteSelector quote, TextSpan? hint)
    {
        var evidence = new AnchorEvidence(quote);
        if (text.Length > SmallText && Narrowed(text, quote, evidence, hint) is { } decided) return decided;
        return Everywhere(text, quote, evidence, hint);
    }

    /// <summary>Find without narrowing: every place in the text examined (what Find must always agree with).</summary>
    internal static AnchorResult Everywhere(string text, TextQuoteSelector quote, TextSpan? hint) =>
        Everywhere(text, quote, new AnchorEvidence(quote), hint);

    private static AnchorResult? Narrowed(string text, TextQuoteSelector quote, AnchorEvidence evidence, TextSpan? hint)
    {
        var len = quote.Exact.Length;
        var k = FuzzyMatcher.MaxEdits(len);
        var selector = string.Concat(quote.Prefix, quote.Exact, quote.Suffix);
        var quoteStart = quote.Prefix.Length;
        var suffixStart = quoteStart + len;
        var maximum = len + evidence.ContextMaximum;
        var margin = AnchorVerdict.MarginFor(evidence);
        var fuzzy = new FuzzyMatcher.Search(quote);
        var near = new Neighbourhoods(text, selector, quoteStart);

        // Near the hint everything is examined, and so are the ends of the text, where a side of the
        // context may not show at all and a short quote needs no side to agree.
        var edge = quoteStart + ContextPlaces.MinSide;
        var always = new List<(int From, int To)> { (0, edge), (text.Length - len - edge, text.Length) };
        // A long quote costs a machine word per 64 chars at every char searched: its reach is shorter.
        var reach = NearHint / ((len + 63) / 64);
        if (hint is { } h) always.Add((h.Start - reach, h.End + reach));
        // What the hint adds to a place not examined, which is at least that far from it.
        var far = hint is null ? 0 : AnchorVerdict.Prior(reach);
        var weighed = new List<Weighed>();
        Examine(text, quote, evidence, fuzzy, hint, always, weighed);

        // A place the best so far could not be told from differs from the selector in few edits: find
        // every place within that many, and again should a better best ask for fewer... or more.
        var covered = -1;
        var need = int.MaxValue;
        for (var edits = FirstLook; near.Within(0, selector.Length, edits) is { } places;)
        {
            Examine(text, quote, evidence, fuzzy, hint, places, weighed);
            covered = edits;
            // With nothing found yet there is no best to rival: look for places with more edits, while
            // the pieces stay long enough to say something.
            need = weighed.Count == 0 ? int.MaxValue : (int)Math.Floor((maximum + far - weighed.Max(w => AnchorVerdict.Total(w, hint)) + margin) / 4);
            if (need <= covered) break;
            edits = need == int.MaxValue ? 2 * edits + 1 : need;
            if (need == int.MaxValue && edits >= selector.Length / MinPiece) break;
        }

        // A short quote is only anchored where one side of its context agrees (within an eighth): when
        // some places could not be looked at, all such places, looked up side by side, still let a
        // "not found" stand.
        var acceptable = need > covered;
        var unseenMost = maximum + far - 4 * (covered + 1);
        if (acceptable && AnchorVerdict.NeedsAgreeingSide(len, evidence) && evidence.BothSides
            && near.Within(0, quoteStart, quoteStart / 8, twoPieces: false) is { } agreeingPrefix
            && near.Within(suffixStart, selector.Length, quote.Suffix.Length / 8, twoPieces: false) is { } agreeingSuffix)
        {
            Examine(text, quote, evidence, fuzzy, hint, [.. agreeingPrefix, .. agreeingSuffix], weighed);
            acceptable = false;
            // Neither side agreeing costs evidence too: that bounds the places left.
            unseenMost = Math.Min(unseenMost, evidence.MostWithoutAgreeingSide + far);
        }

        // Where the best's surroundings could stand without it, well enough to outweigh it: near the
        // hint, and wherever a piece of prefix or suffix is, enough of them for that few edits.
        var contextEdits = -1;
        var emptied = new List<(int From, int To)>(always);
        if (weighed.Count > 0 && weighed.MaxBy(w => AnchorVerdict.Total(w, hint)) is var best && AnchorVerdict.MayBeCopy(text, quote, best))
        {
            contextEdits = (int)Math.Floor((evidence.ContextMaximum + far - AnchorVerdict.ContextTotal(best, hint) - margin) / 4);
            if (contextEdits >= 0)
            {
                var prefixPieces = (contextEdits + 1) / 2;
                if ((prefixPieces == 0 ? [] : near.Within(0, quoteStart, prefixPieces - 1, twoPieces: false)) is { } fromPrefix
                    && near.Within(suffixStart, selector.Length, contextEdits - prefixPieces, twoPieces: false) is { } fromSuffix)
                {
                    emptied.AddRange(fromPrefix);
                    emptied.AddRange(fromSuffix);
                }
                else
                {
                    // Too many edits to find by pieces: the whole text is searched for the surroundings
                    // (two short patterns, far cheaper than searching for the quote everywhere).
                    emptied = [(0, text.Length)];
                    contextEdits = int.MaxValue / 8;
                }
            }
        }

        var unseen = new Unseen(unseenMost, evidence.ContextMaximum + far - 4 * (contextEdits + 1), acceptable);
        // The selector's surroundings may stand with the quote gone from between, or with more or less
        // text there than the quote's length: its prefix then ends up to a quote's length from the start.
        var prefixEnds = Merged([.. emptied.Select(s => (s.From - k, s.To + len))]);
        return AnchorVerdict.Choose(text, weighed, quote, evidence, hint, (taken, rank) => ContextPlaces.Best(text, quote, taken, rank, prefixEnds), unseen);
    }

    /// <summary>Weighs the verbatim and fuzzy candidates whose start lies in <paramref name="starts"/>.</summary>
    private static void Examine(string text, TextQuoteSelector quote, AnchorEvidence evidence, FuzzyMatcher.Search fuzzy, TextSpan? hint, List<(int From, int To)> starts, List<Weighed> weighed)
    {
        var len = quote.Exact.Length;
        var k = FuzzyMatcher.MaxEdits(len);
        var candidates = new List<AnchorCandidate>();
        foreach (var (from, to) in Merged(starts))
            candidates.AddRange(ExactMatcher.FindAll(text, quote.Exact, from, to).Select(s => new AnchorCandidate(s, 0)));
        if (FuzzyMatcher.Accepts(quote.Exact))
        {
            var windows = Merged([.. starts.Select(s => (From: Math.Clamp(s.From - k, 0, text.Length), To: Math.Clamp(s.To + len + k, 0, text.Length)))]);
            candidates.AddRange(fuzzy.Find(text, windows, hint?.Start));
        }
        weighed.AddRange(candidates.Select(c => evidence.Weigh(text, c)));
    }

    private static AnchorResult Everywhere(string text, TextQuoteSelector quote, AnchorEvidence evidence, TextSpan? hint)
    {
        var candidates = ExactMatcher.FindAll(text, quote.Exact).Select(s => new AnchorCandidate(s, 0)).ToList();
        if (FuzzyMatcher.Accepts(quote.Exact))
        {
            var len = quote.Exact.Length;
            var blocks = (len + 63) / 64;
            if ((long)text.Length * blocks <= MaxFuzzyWork)
            {
                candidates.AddRange(FuzzyMatcher.Find(text, quote, 0, text.Length, hint?.Start));
            }
            else if (hint is { } h)
            {
                var reach = Math.Min(HintReach + len, MaxFuzzyWork / blocks / 2);
                var from = (int)Math.Max(0, h.Start - reach);
                var to = (int)Math.Min(text.Length, h.End + len + reach);
                candidates.AddRange(FuzzyMatcher.Find(text, quote, from, to, h.Start));
            }
        }
        (int, int)[] whole = [(0, text.Length)];
        return AnchorVerdict.Choose(text, candidates.Select(c => evidence.Weigh(text, c)), quote, evidence, hint, (taken, rank) => ContextPlaces.Best(text, quote, taken, rank, whole), Unseen.None)
            ?? throw new InvalidOperationException("A verdict on everything cannot be undecided.");
    }

    private static List<(int From, int To)> Merged(List<(int From, int To)> ranges)
    {
        ranges.Sort();
        var merged = new List<(int From, int To)>();
        foreach (var r in ranges)
        {
            if (merged.Count > 0 && r.From <= merged[^1].To) merged[^1] = (merged[^1].From, Math.Max(merged[^1].To, r.To));
            else merged.Add(r);
        }
        return merged;
    }
}
