using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared;
using Annotate.Web.Features.Documents;
using Annotate.Web.Realtime;
using Microsoft.EntityFrameworkCore;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Seminars;

/// <summary>
/// Who is in a seminar, in which role and which group: the teachers' management of members and groups.
/// Every change to an existing membership (removal, group move, role change) is written here and
/// nowhere else, because each one can take away what someone may see: each publishes the "membership
/// changed" event that makes open pages and hub connections ask the visibility rule again at once. (Creating a seminar and
/// joining one add a membership and take nothing away; they stay in <see cref="SeminarService"/>.) A removal also
/// bars the account from joining again until a teacher lets it back in.
/// </summary>
internal sealed class MembershipService(IDbContextFactory<AnnotateDb> dbFactory, ReaderAccess access, IAnnotationFeed feed, TimeProvider clock)
{
    public sealed record GroupSummary(int Id, string Name);
    public sealed record GroupWithCount(int Id, string Name, int MemberCount);
    /// <summary><see cref="Email"/> only for a teacher of the seminar asking; null for everyone else.</summary>
    public sealed record Member(string UserId, string DisplayName, SeminarRole Role, int? GroupId, string? Email = null);
    public sealed record SplitGroup(int Id, string Name, List<string> MemberIds);

    public const int MaxGroupNameLength = 200;
    private static string NoMember => Words.Text("Problem.NoMember");
    private static string NoGroup => Words.Text("Problem.NoGroup");
    private static string LastTeacher => Words.Text("Problem.LastTeacher");

    public async Task<ServiceResult<GroupSummary>> CreateGroupAsync(string userId, int seminarId, string? name)
    {
        if (await TeacherCheckAsync(userId, seminarId, "Problem.TeachersOnlyGroups") is { } denied) return denied;
        name = name?.Trim();
        if (string.IsNullOrEmpty(name)) return ServiceProblem.Invalid(Words.Text("Problem.GroupNeedsName"));
        if (name.Length > MaxGroupNameLength) return ServiceProblem.Invalid(Words.Text("Problem.GroupNameLength", MaxGroupNameLength));

        await using var db = await dbFactory.CreateDbContextAsync();
        // Check and write in one write transaction (WriteTransactions), so two teachers cannot both make "Group A".
        await using var transaction = await db.Database.BeginWriteTransactionAsync();
        var taken = await db.Groups.Where(g => g.SeminarId == seminarId).Select(g => g.Name).ToListAsync();
        if (taken.Contains(name, StringComparer.OrdinalIgnoreCase))
            return ServiceProblem.Invalid(Words.Text("Problem.GroupNameTaken", name));
        var group = new SeminarGroup { SeminarId = seminarId, Name = name };
        db.Groups.Add(group);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new GroupSummary(group.Id, group.Name);
    }

    /// <summary>The seminar's groups in the order they were made, for any member.</summary>
    public async Task<ServiceResult<List<GroupWithCount>>> ListGroupsAsync(string userId, int seminarId)
    {
        if (await access.ForSeminarAsync(userId, seminarId) is null) return ServiceProblem.NotFound(ReaderAccess.NoSuchSeminar);
        await using var db = await dbFactory.CreateDbContextAsync();
        var groups = await db.Groups.Where(g => g.SeminarId == seminarId).OrderBy(g => g.Id)
            .Select(g => new GroupWithCount(g.Id, g.Name, db.Memberships.Count(m => m.GroupId == g.Id)))
            .ToListAsync();
        return groups;
    }

    /// <summary>Teachers first, then by name, for any member; e-mail addresses for its teachers only.</summary>
    public async Task<ServiceResult<List<Member>>> ListMembersAsync(string userId, int seminarId)
    {
        if (await access.ForSeminarAsync(userId, seminarId) is not { } viewer) return ServiceProblem.NotFound(ReaderAccess.NoSuchSeminar);
        var withEmail = viewer.IsTeacher;
        await using var db = await dbFactory.CreateDbContextAsync();
        var members = await db.Memberships.Where(m => m.SeminarId == seminarId)
            .Select(m => new Member(m.UserId, m.User!.DisplayName, m.Role, m.GroupId, withEmail ? m.User.Email : null))
            .ToListAsync();
        // Sorted here: a seminar is small, and SQLite's collation would not order names the way people read them.
        return members
            .OrderBy(m => m.Role == SeminarRole.Teacher ? 0 : 1)
            .ThenBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(m => m.UserId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Puts a student in a group; the group column is one per membership, so this moves them out of any other.</summary>
    public async Task<ServiceResult> PutInGroupAsync(string userId, int seminarId, int groupId, string memberId)
    {
        if (await TeacherCheckAsync(userId, seminarId, "Problem.TeachersOnlyGroups") is { } denied) return denied;
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.Groups.AnyAsync(g => g.Id == groupId && g.SeminarId == seminarId)) return ServiceProblem.NotFound(NoGroup);
        var membership = await db.Memberships.FindAsync(seminarId, memberId);
        if (membership is null) return ServiceProblem.NotFound(NoMember);
        if (membership.Role != SeminarRole.Student)
            return ServiceProblem.Invalid(Words.Text("Problem.OnlyStudentsInGroups"));
        membership.GroupId = groupId;
        await db.SaveChangesAsync();
        await AnnounceAsync(db, seminarId, memberId);
        return ServiceResult.Done;
    }

    public async Task<ServiceResult> RemoveFromGroupAsync(string userId, int seminarId, int groupId, string memberId)
    {
        if (await TeacherCheckAsync(userId, seminarId, "Problem.TeachersOnlyGroups") is { } denied) return denied;
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.Groups.AnyAsync(g => g.Id == groupId && g.SeminarId == seminarId)) return ServiceProblem.NotFound(NoGroup);
        var membership = await db.Memberships.FindAsync(seminarId, memberId);
        if (membership is null) return ServiceProblem.NotFound(NoMember);
        if (membership.GroupId != groupId) return ServiceProblem.NotFound(Words.Text("Problem.NotInGroup"));
        membership.GroupId = null;
        await db.SaveChangesAsync();
        await AnnounceAsync(db, seminarId, memberId);
        return ServiceResult.Done;
    }

    /// <summary>
    /// Ends a membership and bars the account from joining again until a teacher lets it back in. What the
    /// member wrote stays; they can no longer read any of the seminar.
    /// </summary>
    public async Task<ServiceResult> RemoveMemberAsync(string userId, int seminarId, string memberId)
    {
        if (await TeacherCheckAsync(userId, seminarId, "Problem.TeachersOnlyRemove") is { } denied) return denied;
        await using var db = await dbFactory.CreateDbContextAsync();
        // The last-teacher check and the write in one write transaction: two teachers removing each other cannot both succeed.
        await using var transaction = await db.Database.BeginWriteTransactionAsync();
        var membership = await db.Memberships.FindAsync(seminarId, memberId);
        if (membership is null) return ServiceProblem.NotFound(NoMember);
        if (membership.Role == SeminarRole.Teacher && await IsLastTeacherAsync(db, seminarId)) return ServiceProblem.Invalid(LastTeacher);
        db.Memberships.Remove(membership);
        // Written with the removal itself: without it the same join code would let them straight back in.
        var removal = await db.SeminarRemovals.FindAsync(seminarId, memberId);
        if (removal is null) db.SeminarRemovals.Add(removal = new SeminarRemoval { SeminarId = seminarId, UserId = memberId });
        removal.RemovedAt = clock.GetUtcNow();
        removal.RemovedById = userId;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await AnnounceAsync(db, seminarId, memberId);
        return ServiceResult.Done;
    }

    /// <summary>The accounts barred by removal, most recently removed first (teachers).</summary>
    public async Task<ServiceResult<List<RemovedAccount>>> ListRemovedAsync(string userId, int seminarId)
    {
        if (await TeacherCheckAsync(userId, seminarId, "Problem.TeachersOnlyRemoved") is { } denied) return denied;
        await using var db = await dbFactory.CreateDbContextAsync();
        var removed = await db.SeminarRemovals.Where(r => r.SeminarId == seminarId)
            .Select(r => new RemovedAccount(r.UserId, r.User!.DisplayName, r.RemovedAt))
            .ToListAsync();
        // Sorted here: SQLite cannot order by a DateTimeOffset column.
        return removed.OrderByDescending(r => r.RemovedAt).ThenBy(r => r.UserId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Lifts a removal's bar; the person is not a member again until they join with the code.</summary>
    public async Task<ServiceResult> LetBackInAsync(string userId, int seminarId, string memberId)
    {
        if (await TeacherCheckAsync(userId, seminarId, "Problem.TeachersOnlyLetBack") is { } denied) return denied;
        await using var db = await dbFactory.CreateDbContextAsync();
        var deleted = await db.SeminarRemovals.Where(r => r.SeminarId == seminarId && r.UserId == memberId).ExecuteDeleteAsync();
        return deleted == 0 ? ServiceProblem.NotFound(Words.Text("Problem.NotRemoved")) : ServiceResult.Done;
    }

    public async Task<ServiceResult> SetRoleAsync(string userId, int seminarId, string memberId, string? role)
    {
        if (await TeacherCheckAsync(userId, seminarId, "Problem.TeachersOnlyRoles") is { } denied) return denied;
        SeminarRole? newRole = role switch { "teacher" => SeminarRole.Teacher, "student" => SeminarRole.Student, _ => null };
        if (newRole is null) return ServiceProblem.Invalid(Words.Text("Problem.RoleValues"));
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginWriteTransactionAsync();
        var membership = await db.Memberships.FindAsync(seminarId, memberId);
        if (membership is null) return ServiceProblem.NotFound(NoMember);
        if (membership.Role == newRole) return ServiceResult.Done;
        if (membership.Role == SeminarRole.Teacher && await IsLastTeacherAsync(db, seminarId)) return ServiceProblem.Invalid(LastTeacher);
        membership.Role = newRole.Value;
        // Teachers are in no group: a group would otherwise show a co-teacher's "group" annotations to their old group only.
        if (newRole == SeminarRole.Teacher) membership.GroupId = null;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await AnnounceAsync(db, seminarId, memberId);
        return ServiceResult.Done;
    }

    /// <summary>
    /// Puts every student, shuffled, into new groups "Group N" of at most <paramref name="size"/>, as even as
    /// can be (sizes differ by at most one). Existing groups stay, emptied of the students moved out of them.
    /// </summary>
    public async Task<ServiceResult<List<SplitGroup>>> SplitAsync(string userId, int seminarId, int? size)
    {
        if (await TeacherCheckAsync(userId, seminarId, "Problem.TeachersOnlyGroups") is { } denied) return denied;
        if (size is null or < 2) return ServiceProblem.Invalid(Words.Text("Problem.GroupSize"));
        await using var db = await dbFactory.CreateDbContextAsync();
        var students = await db.Memberships.Where(m => m.SeminarId == seminarId && m.Role == SeminarRole.Student).ToArrayAsync();
        if (students.Length == 0) return ServiceProblem.Invalid(Words.Text("Problem.NoStudentsYet"));

        var taken = (await db.Groups.Where(g => g.SeminarId == seminarId).Select(g => g.Name).ToListAsync())
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var number = 0;
        var groups = new SeminarGroup[(students.Length + size.Value - 1) / size.Value];
        for (var i = 0; i < groups.Length; i++)
        {
            // Numbering goes on after names already used, so a second split never clashes with the first.
            string name;
            do name = $"Group {++number}"; while (taken.Contains(name));
            groups[i] = new SeminarGroup { SeminarId = seminarId, Name = name };
        }
        db.Groups.AddRange(groups);

        Random.Shared.Shuffle(students);
        for (var i = 0; i < students.Length; i++) students[i].Group = groups[i % groups.Length];
        await db.SaveChangesAsync();
        // Everyone's group may have changed: one announcement per document, not one per student.
        await AnnounceAsync(db, seminarId, memberId: null);

        return groups.Select((g, i) => new SplitGroup(g.Id, g.Name,
            students.Where((_, s) => s % groups.Length == i).Select(s => s.UserId).ToList())).ToList();
    }

    /// <summary>Tells every open page and hub connection of the seminar's documents that access changed.</summary>
    private async Task AnnounceAsync(AnnotateDb db, int seminarId, string? memberId)
    {
        foreach (var documentId in await db.Documents.Where(d => d.SeminarId == seminarId).Select(d => d.Id).ToListAsync())
            await feed.PublishAsync(new AccessChangedEvent(documentId, seminarId, memberId));
    }

    private Task<ServiceProblem?> TeacherCheckAsync(string userId, int seminarId, string refusalKey) => TeacherCheckAsync(access, userId, seminarId, refusalKey);

    /// <summary>Null when the user is a teacher of the seminar; otherwise 404 for non-members, 403 for students.</summary>
    internal static async Task<ServiceProblem?> TeacherCheckAsync(ReaderAccess access, string userId, int seminarId, string refusalKey)
    {
        var viewer = await access.ForSeminarAsync(userId, seminarId);
        if (viewer is null) return ServiceProblem.NotFound(ReaderAccess.NoSuchSeminar);
        return viewer.IsTeacher ? null : ServiceProblem.Forbidden(Words.Text(refusalKey));
    }

    private static async Task<bool> IsLastTeacherAsync(AnnotateDb db, int seminarId) =>
        await db.Memberships.CountAsync(m => m.SeminarId == seminarId && m.Role == SeminarRole.Teacher) <= 1;
}
