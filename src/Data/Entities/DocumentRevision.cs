namespace Annotate.Data.Entities;

/// <summary>
/// One version of a document's text. Revisions are kept so that old versions stay readable and every
/// annotation can be shown on the text it was written against.
/// </summary>
public class DocumentRevision
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Who made this revision (null for the first one of an imported document).</summary>
    public string? AuthorId { get; set; }
    /// <summary>True once every annotation older than this revision has an <see cref="AnnotationAnchor"/> on it.</summary>
    public bool AnchoringDone { get; set; }

    public Document? Document { get; set; }

    /// <summary>The revision a new document starts with: its text as given, nothing to anchor yet.</summary>
    public static DocumentRevision FirstOf(Document document, string? authorId) => new()
    {
        Document = document,
        Number = 1,
        Title = document.Title,
        Text = document.Text,
        CreatedAt = document.CreatedAt,
        AuthorId = authorId,
        AnchoringDone = true,
    };
}
