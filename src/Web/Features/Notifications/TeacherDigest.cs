using System.Globalization;
using Annotate.Data;
using Annotate.Shared;
using Annotate.Shared.Text;
using Annotate.Shared.W3c;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Documents;
using Annotate.Web.Features.Email;
using Annotate.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Annotate.Web.Features.Notifications;

/// <summary>
/// What a teacher's daily digest adds for the seminars they teach: questions nobody has marked answered, and, for
/// a document due within a day (or due in the past week), the students who have posted nothing on it yet. Both are
/// read as the teacher may see them at that moment: a question hidden from them is not listed, and a student whose
/// only posts are hidden from them counts as not started (saying otherwise would tell of those posts).
/// </summary>
internal sealed class TeacherDigest(ReaderAccess access, NotificationMail mail, IStringLocalizer<Strings> localizer)
{
    /// <summary>Questions listed at most (the oldest waiting first); the rest are on the dashboard.</summary>
    public const int MaxQuestions = 10;

    /// <summary>A due date this far ahead counts as coming; one passed longer ago than <see cref="PastDue"/> no longer does.</summary>
    private static readonly TimeSpan Ahead = TimeSpan.FromDays(1);

    private static readonly TimeSpan PastDue = TimeSpan.FromDays(7);

    /// <summary>The entries, and the questions among them (asked again at the moment of sending).</summary>
    public sealed record Part(IReadOnlyList<NoticeEntry> Entries, IReadOnlyList<Guid> QuestionIds);

    public async Task<Part> ForAsync(AnnotateDb db, string userId, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var taught = await db.Memberships.Where(m => m.UserId == userId && m.Role == SeminarRole.Teacher).Select(m => m.SeminarId).ToListAsync(cancellationToken);
        if (taught.Count == 0) return new Part([], []);
        var viewers = new Dictionary<int, Viewer?>();
        var questions = await OpenQuestionsAsync(db, userId, taught, viewers, cancellationToken);
        var entries = new List<NoticeEntry>();
        var titles = await db.Documents.Where(d => taught.Contains(d.SeminarId)).Select(d => new { d.Id, d.Title }).ToDictionaryAsync(d => d.Id, d => d.Title, cancellationToken);
        foreach (var question in questions)
            entries.Add(new NoticeEntry(localizer["Notify.DigestOpenQuestion", question.AuthorName, titles[question.DocumentId]],
                question.Quote?.Exact, MarkdownText.ToPlain(question.Body), mail.Link($"documents/{question.DocumentId}?thread={question.Id}")));
        entries.AddRange(await NotStartedAsync(db, userId, taught, viewers, zone, now, cancellationToken));
        return new Part(entries, [.. questions.Select(q => q.Id)]);
    }

    /// <summary>Whether the teacher may still see each of <paramref name="questionIds"/> and none has been answered meanwhile.</summary>
    public async Task<bool> StillOpenAsync(AnnotateDb db, string userId, IReadOnlyList<Guid> questionIds, CancellationToken cancellationToken)
    {
        if (questionIds.Count == 0) return true;
        var views = await AnnotationViews.LoadAsync(db, db.Annotations.Where(AnnotationPermissions.OpenQuestionInSql).Where(a => questionIds.Contains(a.Id)), cancellationToken: cancellationToken);
        if (views.Count != questionIds.Count) return false;
        var viewers = new Dictionary<int, Viewer?>();
        foreach (var view in views)
            if (await ViewerAsync(userId, view.DocumentId, viewers, cancellationToken) is not { } viewer || !view.CanBeSeenBy(viewer)) return false;
        return true;
    }

    private async Task<List<AnnotationView>> OpenQuestionsAsync(AnnotateDb db, string userId, List<int> taught, Dictionary<int, Viewer?> viewers, CancellationToken cancellationToken)
    {
        var open = db.Annotations.Where(AnnotationPermissions.OpenQuestionInSql).Where(a => a.AuthorId != null && a.AuthorId != userId && db.Documents.Any(d => d.Id == a.DocumentId && taught.Contains(d.SeminarId)));
        var found = new List<AnnotationView>();
        foreach (var view in (await AnnotationViews.LoadAsync(db, open, cancellationToken: cancellationToken)).OrderBy(v => v.Created))
        {
            if (await ViewerAsync(userId, view.DocumentId, viewers, cancellationToken) is { } viewer && view.CanBeSeenBy(viewer)) found.Add(view);
            if (found.Count == MaxQuestions) break;
        }
        return found;
    }

    private async Task<List<NoticeEntry>> NotStartedAsync(AnnotateDb db, string userId, List<int> taught, Dictionary<int, Viewer?> viewers,
        TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (until, since) = (now + Ahead, now - PastDue);
        var due = await db.Documents.Where(d => taught.Contains(d.SeminarId) && d.DueAt != null && d.DueAt <= until && d.DueAt >= since)
            .OrderBy(d => d.DueAt).Select(d => new { d.Id, d.Title, d.SeminarId, DueAt = d.DueAt!.Value }).ToListAsync(cancellationToken);
        var entries = new List<NoticeEntry>();
        foreach (var document in due)
        {
            if (await ViewerAsync(userId, document.Id, viewers, cancellationToken) is not { } viewer) continue;
            var students = await db.Memberships.Where(m => m.SeminarId == document.SeminarId && m.Role == SeminarRole.Student)
                .OrderBy(m => m.User!.DisplayName).Select(m => new { m.UserId, m.User!.DisplayName }).ToListAsync(cancellationToken);
            var ids = students.Select(s => s.UserId).ToList();
            var posts = await AnnotationViews.LoadAsync(db, db.Annotations.Where(a => a.DocumentId == document.Id && a.AuthorId != null && ids.Contains(a.AuthorId)), cancellationToken: cancellationToken);
            var started = posts.Where(p => p.CanBeSeenBy(viewer)).Select(p => p.AuthorId).ToHashSet();
            var waiting = students.Where(s => !started.Contains(s.UserId)).Select(s => s.DisplayName).ToList();
            if (waiting.Count == 0) continue;
            var when = TimeZoneInfo.ConvertTime(document.DueAt, zone).ToString("f", CultureInfo.CurrentCulture);
            var sentence = document.DueAt < now ? localizer["Notify.DigestNotStartedPastDue", document.Title, when] : localizer["Notify.DigestNotStartedDueSoon", document.Title, when];
            entries.Add(new NoticeEntry(sentence, null, string.Join(", ", waiting), mail.Link($"documents/{document.Id}")));
        }
        return entries;
    }

    private async Task<Viewer?> ViewerAsync(string userId, int documentId, Dictionary<int, Viewer?> viewers, CancellationToken cancellationToken)
    {
        if (!viewers.TryGetValue(documentId, out var viewer))
            viewers[documentId] = viewer = (await access.ForDocumentAsync(userId, documentId, cancellationToken))?.Viewer;
        return viewer;
    }
}
