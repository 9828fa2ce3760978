using Annotate.Shared.Anchoring;

namespace Annotate.Shared.Tests.Anchoring.PublicSuites;

// Apache Annotator's text-quote matcher cases, ported as data: repository apache/incubator-annotator,
// packages/dom/test/text-quote/match-cases.ts (run by match.test.ts), commit 97461a76. Their texts are
// small HTML documents; here each is its text content as a canonical text (one string, paragraphs
// apart by "\n\n"), so element boundaries do not exist and offsets are plain string indexes (all the
// texts are ASCII: code points, UTF-16 units and the DOM offsets agree).
//
// The Annotator matcher is a filter that returns every exact occurrence whose prefix and suffix match
// exactly. Locate returns one place or an orphan, and by contract §1 context is evidence, not a filter.
// So, per case marked Adapted:
//  * several matches: Locate answers "ambiguous" without a hint, and each match when a hint points at it;
//  * a quote found once whose context disagrees: anchored there (the Annotator expects no match);
//  * an empty quote: an orphan ("not found"), where the Annotator lists every insertion point. Annotate
//    anchors passages that can be highlighted; the API refuses an empty quote (400).
// Left out: the DOM-only tests of match.test.ts (split and empty text nodes, scope ranges), which have
// no counterpart in a plain string.
public class ApacheAnnotatorQuoteTests
{
    private const string Lorem = "lorem ipsum dolor amet yada yada";
    private const string Several = "several matches: Locate picks one only with a hint that points at it, and says 'ambiguous' without one";
    private const string ContextIsEvidence = "the Annotator expects no match because the context disagrees; by contract §1 context is evidence, not a filter, and the quote occurs once, verbatim";
    private const string EmptyQuote = "an empty quote is an orphan in Annotate (nothing to highlight; the API answers 400); the Annotator lists insertion points";

    private static readonly Dictionary<string, QuoteCase> Cases = new()
    {
        ["simple"] = QuoteCase.Found(Lorem, new("dolor am"), 12, 20),
        ["first characters"] = QuoteCase.Found(Lorem, new("lorem ipsum"), 0, 11),
        ["last characters"] = QuoteCase.Found(Lorem, new("yada yada"), 23, 32),
        // <b>lorem <i>ipsum</i> dolor <u>amet</u> yada yada</b>: the same text content.
        ["across elements"] = QuoteCase.Found(Lorem, new("dolor am"), 12, 20),
        // <b>lorem <i>ipsum dolor</i> amet yada yada</b>
        ["exact element contents"] = QuoteCase.Found(Lorem, new("ipsum dolor"), 6, 17),
        // <head><title>The title</title></head><b>…</b>: the title is the text's first paragraph.
        ["text inside <head>"] = QuoteCase.Found("The title\n\n" + Lorem, new("title"), 4, 9),
        ["two matches in one node, no hint"] = QuoteCase.Orphan(Lorem, new("yada"), AnchorOutcome.Ambiguous, adapted: Several),
        ["two matches in one node, hint at the first"] = QuoteCase.Found(Lorem, new("yada"), 23, 27, new(23, 27), Several),
        ["two matches in one node, hint at the second"] = QuoteCase.Found(Lorem, new("yada"), 28, 32, new(28, 32), Several),
        // <p>Match again and <b>again </b>and <i>again</i>!
        ["matches in multiple nodes, no hint"] = QuoteCase.Orphan("Match again and again and again!", new("again"), AnchorOutcome.Ambiguous, adapted: Several),
        ["matches in multiple nodes, hint at the first"] = QuoteCase.Found("Match again and again and again!", new("again"), 6, 11, new(6, 11), Several),
        ["matches in multiple nodes, hint at the second"] = QuoteCase.Found("Match again and again and again!", new("again"), 16, 21, new(16, 21), Several),
        ["matches in multiple nodes, hint at the third"] = QuoteCase.Found("Match again and again and again!", new("again"), 26, 31, new(26, 31), Several),
        ["overlapping matches in one node, no hint"] = QuoteCase.Orphan("bananas", new("ana"), AnchorOutcome.Ambiguous, adapted: Several),
        ["overlapping matches in one node, hint at the first"] = QuoteCase.Found("bananas", new("ana"), 1, 4, new(1, 4), Several),
        ["overlapping matches in one node, hint at the second"] = QuoteCase.Found("bananas", new("ana"), 3, 6, new(3, 6), Several),
        // <b>bana<i>na</i>nas</b>
        ["overlapping matches stretching multiple nodes, no hint"] = QuoteCase.Orphan("banananas", new("anana"), AnchorOutcome.Ambiguous, adapted: Several),
        ["overlapping matches stretching multiple nodes, hint at the first"] = QuoteCase.Found("banananas", new("anana"), 1, 6, new(1, 6), Several),
        ["overlapping matches stretching multiple nodes, hint at the second"] = QuoteCase.Found("banananas", new("anana"), 3, 8, new(3, 8), Several),
        ["no matches"] = QuoteCase.Orphan(Lorem, new("holy grail"), AnchorOutcome.NotFound),
        ["with prefix"] = QuoteCase.Found(Lorem, new("yada", Prefix: "t "), 23, 27),
        ["with suffix"] = QuoteCase.Found(Lorem, new("o", Suffix: "l"), 13, 14),
        ["with prefix and suffix"] = QuoteCase.Found(Lorem, new("o", "l", "re"), 1, 2),
        ["with prefix and suffix, two matches, no hint"] = QuoteCase.Orphan(Lorem, new("o", "l", "r"), AnchorOutcome.Ambiguous, adapted: Several),
        ["with prefix and suffix, two matches, hint at the first"] = QuoteCase.Found(Lorem, new("o", "l", "r"), 1, 2, new(1, 2), Several),
        ["with prefix and suffix, two matches, hint at the second"] = QuoteCase.Found(Lorem, new("o", "l", "r"), 15, 16, new(15, 16), Several),
        ["with prefix, no matches"] = QuoteCase.Found(Lorem, new("dolor", Prefix: "oopsum "), 12, 17, adapted: ContextIsEvidence),
        ["with suffix, no matches"] = QuoteCase.Found(Lorem, new("dolor", Suffix: " amot"), 12, 17, adapted: ContextIsEvidence),
        ["with suffix, no matches due to whitespace"] = QuoteCase.Found(Lorem, new("dolor", Suffix: "a"), 12, 17, adapted: ContextIsEvidence),
        ["with empty prefix and suffix"] = QuoteCase.Found(Lorem, new("dolor am", "", ""), 12, 20),
        ["empty quote"] = QuoteCase.Orphan("lorem", new(""), AnchorOutcome.NotFound, adapted: EmptyQuote),
        // <b>l<i>or</i>em</b>
        ["empty quote, multiple elements"] = QuoteCase.Orphan("lorem", new(""), AnchorOutcome.NotFound, adapted: EmptyQuote),
        ["empty quote, with prefix"] = QuoteCase.Orphan(Lorem, new("", Prefix: "dolor"), AnchorOutcome.NotFound, adapted: EmptyQuote),
        ["empty quote, with suffix"] = QuoteCase.Orphan(Lorem, new("", Suffix: "i"), AnchorOutcome.NotFound, adapted: EmptyQuote),
        ["empty quote, with prefix and suffix"] = QuoteCase.Orphan(Lorem, new("", "lorem ", "ipsum"), AnchorOutcome.NotFound, adapted: EmptyQuote),
        ["empty quote, no matches"] = QuoteCase.Orphan(Lorem, new("", Prefix: "X"), AnchorOutcome.NotFound),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Case(string name) => Cases[name].Check();
}
