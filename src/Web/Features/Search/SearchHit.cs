using Annotate.Web.Features.Annotations;

namespace Annotate.Web.Features.Search;

/// <summary>
/// One result: the annotation as the reader sees it, its document, and the passage its thread is on (a reply's is its
/// thread's): the quote, the number of its paragraph, and the words of that paragraph before and after it.
/// </summary>
/// <param name="Paragraph">The paragraph's number as the reading page shows it; null for a heading, an orphan or no passage.</param>
/// <param name="DocumentLanguage">The document's language (BCP 47), null when unknown: its title and the passage are marked with it.</param>
/// <param name="Passage">The quote where it stands now; null for a thread without one (or a reply whose thread the reader may not see).</param>
public sealed record SearchHit(
    AnnotationView Annotation,
    int DocumentId,
    string DocumentTitle,
    int? Paragraph,
    string? Passage,
    PassageContext Context,
    bool Orphan,
    string? DocumentLanguage = null);
