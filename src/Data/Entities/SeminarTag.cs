namespace Annotate.Data.Entities;

/// <summary>
/// A tag of a seminar's vocabulary, curated by its teachers: what the editor suggests, the colour highlights with
/// it take, and, while the seminar's tags are locked (<see cref="Seminar.TagsLocked"/>), the only tags that may be used.
/// </summary>
public class SeminarTag
{
    public int Id { get; set; }
    public int SeminarId { get; set; }
    /// <summary>The tag as written on annotations.</summary>
    public string Name { get; set; } = "";
    /// <summary>The name as tags are compared (trimmed, one Unicode form, lower case), unique in the seminar.</summary>
    public string Key { get; set; } = "";
    /// <summary>"#rrggbb".</summary>
    public string Colour { get; set; } = "";
    public string Description { get; set; } = "";
    public DateTimeOffset Created { get; set; }

    public Seminar? Seminar { get; set; }
}
