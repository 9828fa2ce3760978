using Annotate.Shared;

namespace Annotate.Data.Entities;

/// <summary>A user's place in a seminar: role, and group for students who have one.</summary>
public class Membership
{
    public int SeminarId { get; set; }
    public string UserId { get; set; } = "";
    public SeminarRole Role { get; set; }
    public int? GroupId { get; set; }
    public DateTimeOffset JoinedAt { get; set; }

    public Seminar? Seminar { get; set; }
    public ApplicationUser? User { get; set; }
    public SeminarGroup? Group { get; set; }
}
