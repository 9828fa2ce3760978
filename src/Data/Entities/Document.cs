namespace Annotate.Data.Entities;

/// <summary>
/// A text a seminar reads. <see cref="Text"/> is the canonical text (paragraphs separated by "\n\n")
/// that every selector refers to; <see cref="Revision"/> counts its versions from 1.
/// </summary>
public class Document
{
    public int Id { get; set; }
    public int SeminarId { get; set; }
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
    public int Revision { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
    /// <summary>When the seminar should have read and discussed it; shown to students, marks late work in the overview.</summary>
    public DateTimeOffset? DueAt { get; set; }
    /// <summary>A student sees others' annotations here only after posting one of their own; teachers always see all.</summary>
    public bool PostFirst { get; set; }
    /// <summary>
    /// The language the text is written in, as a BCP 47 tag ("en", "vi"); null when nobody knows. Pages mark the
    /// article, the title and quotes with it (WCAG 3.1.2) so screen readers speak them in that language.
    /// </summary>
    public string? Language { get; set; }

    public Seminar? Seminar { get; set; }
}
