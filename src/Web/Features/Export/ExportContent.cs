using Annotate.Web.Features.Annotations;

namespace Annotate.Web.Features.Export;

/// <summary>
/// What one export holds: the document as its reader sees it and the threads the reader may see after
/// the chosen filters, in document order; <see cref="Language"/> is the document's (BCP 47, null when unknown).
/// Every format writes from this and nothing else, so no format
/// can reach past the visibility rule.
/// </summary>
public sealed record ExportContent(
    int DocumentId,
    string Title,
    string SeminarName,
    int Revision,
    string Text,
    string ReaderName,
    string FilterDescription,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ExportThread> Threads,
    string? Language = null);

/// <summary>
/// A thread: its first annotation (placed on <see cref="ExportContent.Revision"/>, or an orphan), its
/// replies oldest first, and the 1-based number of the paragraph its passage starts in (null for orphans).
/// </summary>
public sealed record ExportThread(AnnotationView Root, IReadOnlyList<AnnotationView> Replies, int? ParagraphNumber);
