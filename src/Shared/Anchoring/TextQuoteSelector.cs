namespace Annotate.Shared.Anchoring;

/// <summary>W3C TextQuoteSelector: the quoted text plus up to 32 code points of context either side.</summary>
public sealed record TextQuoteSelector(string Exact, string Prefix = "", string Suffix = "");
