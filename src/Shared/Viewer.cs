namespace Annotate.Shared;

/// <summary>
/// The person asking to read, as far as one seminar (and document) is concerned. <see cref="Role"/> is
/// null when the user is not a member of the seminar; <see cref="UserId"/> is null when nobody is signed
/// in. <see cref="AwaitingOwnPost"/>: a student on a "post first" document who has not posted yet.
/// </summary>
public sealed record Viewer(string? UserId, SeminarRole? Role, int? GroupId, bool AwaitingOwnPost = false)
{
    public static Viewer Anonymous { get; } = new(null, null, null);
    public bool IsMember => UserId is not null && Role is not null;
    public bool IsTeacher => Role == SeminarRole.Teacher;
}
