using System.Globalization;
using Annotate.Data;
using Annotate.Shared;
using Annotate.Shared.W3c;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Documents;
using Annotate.Web.Features.Export;
using Annotate.Web.Features.Seminars;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Overview;

/// <summary>
/// A teacher's overview of one document: per student and per group, how much they took part. Counted
/// from what the teacher may see (the visibility rule), so a student's private notes are not counted
/// and no count reveals them.
/// </summary>
internal sealed class ParticipationService(IDbContextFactory<AnnotateDb> dbFactory, ReaderAccess access, AnnotationService annotations,
    MembershipService members, DocumentService documents)
{
    public sealed record ThreadLink(Guid ThreadId, string Quote, bool IsReply, DateTimeOffset Created);

    public sealed record StudentRow(
        string UserId, string DisplayName, int? GroupId, string? GroupName,
        int Annotations, int Replies, int Words, int Late, int FeedbackReceived,
        DateTimeOffset? FirstActivity, DateTimeOffset? LastActivity, IReadOnlyList<ThreadLink> Threads);

    public sealed record GroupRow(
        int? GroupId, string GroupName, int Students, int Annotations, int Replies, int Words, int Late,
        DateTimeOffset? FirstActivity, DateTimeOffset? LastActivity);

    public sealed record Overview(int DocumentId, string Title, string SeminarName, DateTimeOffset? DueAt, bool PostFirst,
        IReadOnlyList<StudentRow> Students, IReadOnlyList<GroupRow> Groups);

    public async Task<ServiceResult<Overview>> GetAsync(string userId, int documentId, CancellationToken cancellationToken = default)
    {
        if (await access.ForDocumentAsync(userId, documentId, cancellationToken) is not { } reader || await documents.GetAsync(documentId) is not { } document)
            return ServiceProblem.NotFound(ReaderAccess.NoSuchDocument);
        if (!reader.Viewer.IsTeacher) return ServiceProblem.Forbidden("Only the seminar's teachers can see who took part how much.");

        var visible = await ContributionsAsync(reader, cancellationToken);
        var roster = (await members.ListMembersAsync(userId, reader.SeminarId)).Value ?? [];
        var groups = (await members.ListGroupsAsync(userId, reader.SeminarId)).Value ?? [];
        var groupNames = groups.ToDictionary(g => g.Id, g => g.Name);
        var roots = visible.Where(v => !v.IsReply).ToDictionary(v => v.Id);
        var byAuthor = visible.Where(v => v.AuthorId is not null).ToLookup(v => v.AuthorId!);
        var feedbackFor = visible.Where(v => v.AddresseeId is not null && v.Motivation == Motivations.Assessing).ToLookup(v => v.AddresseeId!);

        var students = roster.Where(m => m.Role == SeminarRole.Student)
            .Select(student =>
            {
                var own = byAuthor[student.UserId].ToList();
                var threadLinks = own
                    .Select(v => new ThreadLink(v.ThreadRootId, roots.GetValueOrDefault(v.ThreadRootId)?.Quote ?? "", v.IsReply, v.Created))
                    .OrderBy(l => l.Created).ThenBy(l => l.ThreadId).ToList();
                return new StudentRow(
                    student.UserId, student.DisplayName, student.GroupId,
                    student.GroupId is { } g ? groupNames.GetValueOrDefault(g) : null,
                    own.Count(v => !v.IsReply), own.Count(v => v.IsReply), own.Sum(v => CountWords(v.Body)),
                    document.DueAt is { } due ? own.Count(v => v.Created > due) : 0,
                    feedbackFor[student.UserId].Count(),
                    own.Count == 0 ? null : own.Min(v => v.Created),
                    own.Count == 0 ? null : own.Max(v => v.Modified),
                    threadLinks);
            })
            .OrderBy(s => s.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();

        var groupRows = students.GroupBy(s => s.GroupId)
            .Select(g => new GroupRow(
                g.Key, g.Key is null ? "No group" : groupNames.GetValueOrDefault(g.Key.Value, "Group"), g.Count(),
                g.Sum(s => s.Annotations), g.Sum(s => s.Replies), g.Sum(s => s.Words), g.Sum(s => s.Late),
                g.Min(s => s.FirstActivity), g.Max(s => s.LastActivity)))
            .OrderBy(g => g.GroupId is null).ThenBy(g => g.GroupName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();

        return new Overview(documentId, document.Title, document.SeminarName, document.DueAt, document.PostFirst, students, groupRows);
    }

    /// <summary>One annotation as the overview counts it; <see cref="Quote"/> is its passage on the current text (threads only).</summary>
    private sealed record Contribution(Guid Id, Guid? ParentId, Guid? ThreadId, string? AuthorId, string? AddresseeId, string Motivation,
        string Body, DateTimeOffset Created, DateTimeOffset Modified, string? Quote, bool Moved, VisibilityFacts Access)
    {
        public bool IsReply => ParentId is not null;
        public Guid ThreadRootId => ThreadId ?? Id;
    }

    /// <summary>
    /// What the teacher may see of the document, only the parts the overview counts: the database filters
    /// (VisibilityFilter) and the rule has the last word, as for every read. A thread written on an older
    /// revision shows the passage where it now is, read whole for it.
    /// </summary>
    private async Task<List<Contribution>> ContributionsAsync(ReaderAccess.DocumentAccess reader, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await AnnotationViews.Rows(db, db.Annotations.Where(a => a.DocumentId == reader.DocumentId))
            .Where(VisibilityFilter.For(reader.Viewer))
            .Select(r => new Contribution(r.Id, r.ParentId, r.ThreadId, r.AuthorId, r.AddresseeId, r.Motivation, r.Body, r.Created, r.Modified,
                r.Exact, r.Exact != null && r.DocumentRevision != r.CurrentRevision,
                AnnotationViews.FactsOf(r.ThreadId, r.ThreadAuthorId, r.Visibility, r.ThreadVisibility, r.ThreadGroupId, r.AddresseeId)))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var visible = rows.Where(c => VisibilityRule.CanSee(reader.Viewer, c.Access)).ToList();
        var moved = visible.Where(c => c.Moved).Select(c => c.Id).ToList();
        if (moved.Count == 0) return visible;
        var placed = (await annotations.ListVisibleAsync(reader, a => moved.Contains(a.Id), cancellationToken)).ToDictionary(v => v.Id, v => v.Quote?.Exact);
        return visible.Select(c => c.Moved && placed.TryGetValue(c.Id, out var quote) ? c with { Quote = quote } : c).ToList();
    }

    /// <summary>
    /// The participation table as CSV for a gradebook: UTF-8 with a BOM so spreadsheet programs read it,
    /// one row per student, cells that a spreadsheet would run as a formula made inert.
    /// </summary>
    public static async Task WriteCsvAsync(Overview overview, Stream output, CancellationToken cancellationToken = default)
    {
        await using var csv = CsvWriter.Create(output, CsvExport.SpreadsheetOptions, leaveOpen: true);
        await csv.WriteRecordAsync(["Student", "User id", "Group", "Annotations", "Replies", "Words", "Late", "Feedback received", "First activity (UTC)", "Last activity (UTC)"], cancellationToken);
        foreach (var s in overview.Students)
        {
            await csv.WriteRecordAsync([
                s.DisplayName, s.UserId, s.GroupName ?? "",
                Number(s.Annotations), Number(s.Replies), Number(s.Words), Number(s.Late), Number(s.FeedbackReceived),
                Timestamp(s.FirstActivity), Timestamp(s.LastActivity)], cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Timestamp(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";

    internal static int CountWords(string body)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in body)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord) words++;
            inWord = letter;
        }
        return words;
    }
}
