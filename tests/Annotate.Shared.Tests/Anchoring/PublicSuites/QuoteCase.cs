using Annotate.Shared.Anchoring;

namespace Annotate.Shared.Tests.Anchoring.PublicSuites;

/// <summary>
/// One case of a public anchoring suite, as Annotate answers it: the span found (UTF-16), or the
/// reason for an orphan. <see cref="Adapted"/> says what changed from the original case and why;
/// null means the case is ported as it stands.
/// </summary>
internal sealed record QuoteCase(string Text, TextQuoteSelector Quote, TextPositionSelector? Hint, TextSpan? Expected, AnchorOutcome Outcome, string? Adapted = null)
{
    public static QuoteCase Found(string text, TextQuoteSelector quote, int start, int end, TextPositionSelector? hint = null, string? adapted = null) =>
        new(text, quote, hint, new TextSpan(start, end), AnchorOutcome.Anchored, adapted);

    public static QuoteCase Orphan(string text, TextQuoteSelector quote, AnchorOutcome reason, TextPositionSelector? hint = null, string? adapted = null) =>
        new(text, quote, hint, null, reason, adapted);

    public void Check()
    {
        var result = TextAnchor.Find(Text, Quote, Hint);
        Assert.Equal((Expected, Outcome), (result.Span, result.Outcome));
        Assert.Equal(Expected, TextAnchor.Locate(Text, Quote, Hint));
    }
}
