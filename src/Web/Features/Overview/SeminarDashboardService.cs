using Annotate.Data;
using Annotate.Shared;
using Annotate.Web.Features.Documents;
using Annotate.Web.Features.Seminars;
using Microsoft.EntityFrameworkCore;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Overview;

/// <summary>
/// A teacher's dashboard of a whole seminar: per student and per group across all its documents, and one student's
/// annotations in time order. Counted by <see cref="StudentTally"/> from what the teacher may see (the one visibility
/// rule), so no number reveals a student's private note.
/// </summary>
internal sealed class SeminarDashboardService(IDbContextFactory<AnnotateDb> dbFactory, ReaderAccess access, ContributionSource contributions,
    MembershipService members)
{
    /// <summary>A student and an outsider hear the same: the dashboard is for teachers, and 404 says nothing more.</summary>
    public static string NoSuchDashboard => Words.Text("Problem.NoSuchDashboard");

    public static string NoSuchStudent => Words.Text("Problem.NoSuchStudent");

    /// <summary>How much of what a student wrote their timeline shows.</summary>
    public const int ExcerptLength = 200;

    public async Task<ServiceResult<SeminarDashboard>> GetAsync(string userId, int seminarId, CancellationToken cancellationToken = default)
    {
        if (await TeacherAsync(userId, seminarId) is not { } teacher || await SeminarAsync(seminarId, cancellationToken) is not { } seminar)
            return ServiceProblem.NotFound(NoSuchDashboard);

        var counts = await contributions.CountForSeminarAsync(seminarId, teacher, cancellationToken);
        var roster = (await members.ListMembersAsync(userId, seminarId)).Value ?? [];
        var groupNames = ((await members.ListGroupsAsync(userId, seminarId)).Value ?? []).ToDictionary(g => g.Id, g => g.Name);
        var students = StudentTally.PerStudent(counts, roster)
            .Select(s => new DashboardStudent(s.Student.UserId, s.Student.DisplayName, s.Student.GroupId,
                s.Student.GroupId is { } g ? groupNames.GetValueOrDefault(g) : null,
                s.Tally.Annotations, s.Tally.Replies, s.Tally.Words, s.Tally.QuestionsAsked, s.Tally.QuestionsAnswered, s.Tally.UpvotesReceived, s.Tally.Late,
                s.Tally.FeedbackReceived, s.Tally.FirstActivity, s.Tally.LastActivity))
            .ToList();

        var groups = students.GroupBy(s => s.GroupId)
            .Select(g => new DashboardGroup(
                g.Key, StudentTally.GroupName(g.Key, groupNames), g.Count(),
                g.Sum(s => s.Annotations), g.Sum(s => s.Replies), g.Sum(s => s.Words), g.Sum(s => s.QuestionsAsked),
                g.Sum(s => s.QuestionsAnswered), g.Sum(s => s.UpvotesReceived), g.Sum(s => s.Late), g.Sum(s => s.FeedbackReceived)))
            .OrderBy(g => g.GroupId is null).ThenBy(g => g.GroupName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();

        return new SeminarDashboard(seminarId, seminar.Name, seminar.Documents, students, groups);
    }

    /// <summary>One student's annotations and replies across the seminar's documents, oldest first, each with the thread it opens.</summary>
    public async Task<ServiceResult<StudentTimeline>> TimelineAsync(string userId, int seminarId, string studentId, CancellationToken cancellationToken = default)
    {
        if (await TeacherAsync(userId, seminarId) is not { } teacher || await SeminarAsync(seminarId, cancellationToken) is not { } seminar)
            return ServiceProblem.NotFound(NoSuchDashboard);
        var roster = (await members.ListMembersAsync(userId, seminarId)).Value ?? [];
        if (roster.FirstOrDefault(m => m.UserId == studentId && m.Role == SeminarRole.Student) is not { } student)
            return ServiceProblem.NotFound(NoSuchStudent);

        var (own, roots) = await contributions.ByAuthorInSeminarAsync(seminarId, teacher, studentId, cancellationToken);
        var documents = seminar.Documents.ToDictionary(d => d.Id);
        var entries = own
            .OrderBy(v => v.Created).ThenBy(v => v.Id)
            .Select(v =>
            {
                var document = documents[v.DocumentId];
                return new TimelineEntry(v.Id, v.ThreadRootId, v.DocumentId, document.Title, v.Motivation, v.IsReply,
                    roots.GetValueOrDefault(v.ThreadRootId)?.Quote ?? "", Excerpt(v.Body), v.Created, document.DueAt is { } due && v.Created > due);
            })
            .ToList();
        return new StudentTimeline(seminarId, student.UserId, student.DisplayName, entries);
    }

    private static string Excerpt(string body) =>
        body.Length <= ExcerptLength ? body : body[..(char.IsHighSurrogate(body[ExcerptLength - 2]) ? ExcerptLength - 2 : ExcerptLength - 1)] + "…";

    private async Task<Viewer?> TeacherAsync(string userId, int seminarId) =>
        await access.ForSeminarAsync(userId, seminarId) is { IsTeacher: true } viewer ? viewer : null;

    private sealed record SeminarRows(string Name, IReadOnlyList<DashboardDocument> Documents);

    private async Task<SeminarRows?> SeminarAsync(int seminarId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var name = await db.Seminars.Where(s => s.Id == seminarId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        if (name is null) return null;
        // The list never needs the texts themselves, which can be megabytes each.
        var documents = await db.Documents.Where(d => d.SeminarId == seminarId).OrderBy(d => d.Title).ThenBy(d => d.Id)
            .Select(d => new DashboardDocument(d.Id, d.Title, d.DueAt, d.Language)).ToListAsync(cancellationToken);
        return new SeminarRows(name, documents);
    }
}
