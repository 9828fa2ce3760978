namespace Annotate.Data.Entities;

/// <summary>
/// A teacher removed this account from the seminar: the join code no longer lets it back in until a
/// teacher re-admits it (which deletes this row). Without it, a removed student would re-join at once.
/// </summary>
public class SeminarRemoval
{
    public int SeminarId { get; set; }
    public string UserId { get; set; } = "";
    public DateTimeOffset RemovedAt { get; set; }
    /// <summary>The teacher who removed them (kept as an id only: the teacher may leave or delete their account).</summary>
    public string? RemovedById { get; set; }

    public Seminar? Seminar { get; set; }
    public ApplicationUser? User { get; set; }
}
