namespace Annotate.Data.Entities;

/// <summary>A discussion group inside a seminar; a student is in at most one group per seminar.</summary>
public class SeminarGroup
{
    public int Id { get; set; }
    public int SeminarId { get; set; }
    public string Name { get; set; } = "";

    public Seminar? Seminar { get; set; }
}
