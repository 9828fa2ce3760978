using Annotate.Shared;
using Annotate.Web.Features.Documents;
using Annotate.Web.Features.Export;
using Annotate.Web.Features.Seminars;
using CsvHelper;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Overview;

/// <summary>
/// A teacher's overview of one document: per student and per group, how much they took part. Counted
/// from what the teacher may see (the visibility rule), so a student's private notes are not counted
/// and no count reveals them.
/// </summary>
internal sealed class ParticipationService(ReaderAccess access, ContributionSource contributions, MembershipService members, DocumentService documents)
{
    public sealed record ThreadLink(Guid ThreadId, string Quote, bool IsReply, DateTimeOffset Created);

    public sealed record StudentRow(
        string UserId, string DisplayName, int? GroupId, string? GroupName,
        int Annotations, int Replies, int Words, int Late, int FeedbackReceived,
        DateTimeOffset? FirstActivity, DateTimeOffset? LastActivity);

    public sealed record GroupRow(
        int? GroupId, string GroupName, int Students, int Annotations, int Replies, int Words, int Late,
        DateTimeOffset? FirstActivity, DateTimeOffset? LastActivity);

    public sealed record Overview(int DocumentId, string Title, int SeminarId, string SeminarName, DateTimeOffset? DueAt, bool PostFirst,
        IReadOnlyList<StudentRow> Students, IReadOnlyList<GroupRow> Groups, string? Language = null);

    public async Task<ServiceResult<Overview>> GetAsync(string userId, int documentId, CancellationToken cancellationToken = default)
    {
        if (await access.ForDocumentAsync(userId, documentId, cancellationToken) is not { } reader || await documents.GetAsync(documentId) is not { } document)
            return ServiceProblem.NotFound(ReaderAccess.NoSuchDocument);
        if (!reader.Viewer.IsTeacher) return ServiceProblem.Forbidden(Words.Text("Problem.TeachersOnlyParticipation"));

        var counts = await contributions.CountForDocumentAsync(reader, cancellationToken);
        var roster = (await members.ListMembersAsync(userId, reader.SeminarId)).Value ?? [];
        var groups = (await members.ListGroupsAsync(userId, reader.SeminarId)).Value ?? [];
        var groupNames = groups.ToDictionary(g => g.Id, g => g.Name);
        var students = StudentTally.PerStudent(counts, roster)
            .Select(s => new StudentRow(
                s.Student.UserId, s.Student.DisplayName, s.Student.GroupId,
                s.Student.GroupId is { } g ? groupNames.GetValueOrDefault(g) : null,
                s.Tally.Annotations, s.Tally.Replies, s.Tally.Words, s.Tally.Late, s.Tally.FeedbackReceived,
                s.Tally.FirstActivity, s.Tally.LastActivity))
            .ToList();

        var groupRows = students.GroupBy(s => s.GroupId)
            .Select(g => new GroupRow(
                g.Key, StudentTally.GroupName(g.Key, groupNames), g.Count(),
                g.Sum(s => s.Annotations), g.Sum(s => s.Replies), g.Sum(s => s.Words), g.Sum(s => s.Late),
                g.Min(s => s.FirstActivity), g.Max(s => s.LastActivity)))
            .OrderBy(g => g.GroupId is null).ThenBy(g => g.GroupName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();

        return new Overview(documentId, document.Title, document.SeminarId, document.SeminarName, document.DueAt, document.PostFirst, students, groupRows, document.Language);
    }

    /// <summary>
    /// A student's threads and replies on the document that the teacher may see, oldest first, each with its thread's
    /// passage: the overview's list of their posts, read when the teacher opens it.
    /// </summary>
    public async Task<ServiceResult<IReadOnlyList<ThreadLink>>> PostsAsync(string userId, int documentId, string studentId,
        CancellationToken cancellationToken = default)
    {
        if (await access.ForDocumentAsync(userId, documentId, cancellationToken) is not { } reader)
            return ServiceProblem.NotFound(ReaderAccess.NoSuchDocument);
        if (!reader.Viewer.IsTeacher) return ServiceProblem.Forbidden(Words.Text("Problem.TeachersOnlyParticipation"));
        var roster = (await members.ListMembersAsync(userId, reader.SeminarId)).Value ?? [];
        if (!roster.Any(m => m.UserId == studentId && m.Role == SeminarRole.Student))
            return ServiceProblem.NotFound(SeminarDashboardService.NoSuchStudent);

        var (own, roots) = await contributions.ByAuthorOnDocumentAsync(reader, studentId, cancellationToken);
        return own.Select(c => new ThreadLink(c.ThreadRootId, roots.GetValueOrDefault(c.ThreadRootId)?.Quote ?? "", c.IsReply, c.Created))
            .OrderBy(l => l.Created).ThenBy(l => l.ThreadId).ToList();
    }

    /// <summary>
    /// The participation table as CSV for a gradebook: UTF-8 with a BOM so spreadsheet programs read it,
    /// one row per student, cells that a spreadsheet would run as a formula made inert.
    /// </summary>
    public static async Task WriteCsvAsync(Overview overview, Stream output, CancellationToken cancellationToken = default)
    {
        await using var csv = CsvWriter.Create(output, CsvExport.SpreadsheetOptions, leaveOpen: true);
        await csv.WriteRecordAsync(new[] { "Student", "User id", "Group", "Annotations", "Replies", "Words", "Late", "Feedback received", "First activity (UTC)", "Last activity (UTC)" }
            .Select(h => Components.Dashboard.CountHeadings.Of(Resources.Words.L, h)).ToArray(), cancellationToken);
        foreach (var s in overview.Students)
        {
            await csv.WriteRecordAsync([
                s.DisplayName, s.UserId, s.GroupName ?? "",
                Gradebook.Number(s.Annotations), Gradebook.Number(s.Replies), Gradebook.Number(s.Words), Gradebook.Number(s.Late), Gradebook.Number(s.FeedbackReceived),
                Gradebook.Timestamp(s.FirstActivity), Gradebook.Timestamp(s.LastActivity)], cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }
}
