namespace Annotate.Data.Entities;

/// <summary>A class or reading group: members, groups and the documents they read together.</summary>
public class Seminar
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Short code a student types (or follows as a link) to join.</summary>
    public string JoinCode { get; set; } = "";
    /// <summary>While false, the join code admits no one (a teacher closed joining); members stay.</summary>
    public bool JoiningOpen { get; set; } = true;
    /// <summary>While true, annotations may carry only tags of the seminar's vocabulary (<see cref="SeminarTag"/>).</summary>
    public bool TagsLocked { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public List<Membership> Members { get; set; } = [];
    public List<SeminarGroup> Groups { get; set; } = [];
    public List<Document> Documents { get; set; } = [];
}
