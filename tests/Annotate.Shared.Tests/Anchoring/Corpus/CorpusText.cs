// One old text, its new version, and the selections readers made in the old one with where each
// now is (GroundTruth). Both corpora, revisions and editions, are lists of these, so that both are
// scored on both paths, Locate alone and the diff, by the same code.
using Annotate.Shared.Anchoring;

namespace Annotate.Shared.Tests.Anchoring.Corpus;

internal sealed record CorpusCase(CorpusSpan Span, TextQuoteSelector Quote, TextPositionSelector Position, Truth Truth);

internal sealed record CorpusText(string Old, string New, List<CorpusCase> Cases)
{
    /// <summary>Selections of <paramref name="old"/>, described as a reader's browser would, with their truth in <paramref name="revised"/>.</summary>
    public static CorpusText Of(string old, TrackedText revised, List<CorpusSpan> spans)
    {
        var text = revised.ToString();
        var origins = revised.Origins();
        var cases = spans.Select(span =>
        {
            var (quote, position) = TextAnchor.Describe(old, new TextSpan(span.Start, span.End));
            return new CorpusCase(span, quote, position, GroundTruth.Of(span, quote.Exact, text, origins));
        }).ToList();
        return new CorpusText(old, text, cases);
    }
}
