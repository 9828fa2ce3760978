namespace Annotate.Web.Features.Overview;

/// <summary>A document's Confusion view: its paragraphs with open questions and unresolved threads, most first.</summary>
/// <param name="Unplaced">Unresolved threads whose passage is no longer in the text (orphans): in no paragraph.</param>
public sealed record ConfusionReport(int DocumentId, string Title, int SeminarId, string SeminarName, IReadOnlyList<ConfusionParagraph> Paragraphs, int Unplaced, string? Language = null);
