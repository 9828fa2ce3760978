using System.Text;
using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared.Text;
using Annotate.Web.Features.Notifications;
using Annotate.Web.Realtime;
using Microsoft.EntityFrameworkCore;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Documents;

/// <summary>Reading and adding documents; the API and the pages both call this.</summary>
internal sealed class DocumentService(IDbContextFactory<AnnotateDb> dbFactory, ReaderAccess access, IAnnotationFeed feed, NotificationOutbox notifications, TimeProvider clock)
{
    public sealed record DocumentSummary(int Id, string Title, int SeminarId, string SeminarName, int Revision, DateTimeOffset ModifiedAt, DateTimeOffset? DueAt = null, string? Language = null);
    public sealed record DocumentText(int Id, string Title, int SeminarId, string SeminarName, int Revision, string Text, DateTimeOffset? DueAt = null, bool PostFirst = false, string? Language = null);

    /// <summary>Documents of every seminar the user belongs to.</summary>
    public async Task<List<DocumentSummary>> ListForUserAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        // The list never needs the texts themselves, which can be megabytes each.
        return await db.Documents
            .Where(d => db.Memberships.Any(m => m.SeminarId == d.SeminarId && m.UserId == userId))
            .OrderBy(d => d.Seminar!.Name).ThenBy(d => d.Title)
            .Select(d => new DocumentSummary(d.Id, d.Title, d.SeminarId, d.Seminar!.Name, d.Revision, d.ModifiedAt, d.DueAt, d.Language))
            .ToListAsync();
    }

    public async Task<DocumentText?> GetAsync(int documentId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Documents.Where(d => d.Id == documentId)
            .Select(d => new DocumentText(d.Id, d.Title, d.SeminarId, d.Seminar!.Name, d.Revision, d.Text, d.DueAt, d.PostFirst, d.Language))
            .FirstOrDefaultAsync();
    }

    /// <summary>The title alone, for answers that name the document without needing its text (which can be megabytes).</summary>
    public async Task<string?> GetTitleAsync(int documentId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await TitleOf(db, documentId);
    }

    private static readonly Func<AnnotateDb, int, Task<string?>> TitleOf = EF.CompileAsyncQuery(
        (AnnotateDb db, int documentId) => db.Documents.Where(d => d.Id == documentId).Select(d => d.Title).FirstOrDefault());

    /// <summary>
    /// A teacher sets the due date and "post first". Every open page and hub connection of the document asks
    /// its access again, since "post first" changes what students see.
    /// </summary>
    public async Task<ServiceResult> SetScheduleAsync(string userId, int documentId, DateTimeOffset? dueAt, bool postFirst)
    {
        if (await access.ForDocumentAsync(userId, documentId) is not { } reader) return ServiceProblem.NotFound(ReaderAccess.NoSuchDocument);
        if (!reader.Viewer.IsTeacher) return ServiceProblem.Forbidden(Words.Text("Problem.TeachersOnlyDueDate"));
        await using var db = await dbFactory.CreateDbContextAsync();
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId);
        if (document is null) return ServiceProblem.NotFound(ReaderAccess.NoSuchDocument);
        var gateChanged = document.PostFirst != postFirst;
        document.DueAt = dueAt?.ToUniversalTime();
        document.PostFirst = postFirst;
        await db.SaveChangesAsync();
        if (gateChanged) await feed.PublishAsync(new AccessChangedEvent(documentId, document.SeminarId, UserId: null));
        return ServiceResult.Done;
    }

    /// <summary>
    /// A teacher says which language the document is written in (a BCP 47 tag, or null for unknown): the pages mark
    /// its text with it. Not a revision: the text and the threads on it stay as they are. Gives the tag as stored
    /// (trimmed, its language subtag in lower case: "EN-GB" is stored as "en-GB", "EN-gb" as "en-gb").
    /// </summary>
    public async Task<ServiceResult<string?>> SetLanguageAsync(string userId, int documentId, string? language)
    {
        if (await access.ForDocumentAsync(userId, documentId) is not { } reader) return ServiceProblem.NotFound(ReaderAccess.NoSuchDocument);
        if (!reader.Viewer.IsTeacher) return ServiceProblem.Forbidden(Words.Text("Content.TeachersOnlyLanguage"));
        if (!TextLanguage.TryNormalise(language, out var normalised)) return ServiceProblem.Invalid(Words.Text("Content.LanguageInvalid"));
        await using var db = await dbFactory.CreateDbContextAsync();
        var changed = await db.Documents.Where(d => d.Id == documentId).ExecuteUpdateAsync(u => u.SetProperty(d => d.Language, normalised));
        if (changed == 0) return ServiceProblem.NotFound(ReaderAccess.NoSuchDocument);
        return normalised;
    }

    /// <param name="dueAt">When the seminar should have read it; none by default.</param>
    /// <param name="postFirst">Whether students must post before they see others' annotations.</param>
    /// <param name="language">The text's language (a normalised BCP 47 tag); null: detected from the text.</param>
    public async Task<Document> AddAsync(int seminarId, string title, string canonicalText, string authorId,
        DateTimeOffset? dueAt = null, bool postFirst = false, string? language = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        var document = new Document
        {
            SeminarId = seminarId, Title = Composed(title), Text = Composed(canonicalText), Revision = 1, CreatedAt = now, ModifiedAt = now,
            DueAt = dueAt, PostFirst = postFirst, Language = language ?? TextLanguage.Detect(canonicalText),
        };
        db.Documents.Add(document);
        db.DocumentRevisions.Add(DocumentRevision.FirstOf(document, authorId));
        // The other members hear of it in the background (their inbox, as their settings allow).
        db.NotificationOutbox.Add(notifications.DocumentAdded(authorId, document));
        await db.SaveChangesAsync();
        notifications.Wake();
        return document;
    }

    /// <summary>
    /// Text given through the API is stored as given, with line endings normalised; the canonical form
    /// separates paragraphs by exactly one blank line and has no trailing newline.
    /// </summary>
    internal static string NormaliseLineEndings(string text) =>
        text.Replace("\r\n", "\n").Replace('\r', '\n').TrimEnd('\n');

    /// <summary>
    /// Text as it is stored: Unicode composed (NFC). The same Vietnamese word may arrive typed (composed) or pasted
    /// from a PDF or a Mac (decomposed, "a" then its marks); stored one way, a quote selected in one matches the
    /// other, and a passage's length is the same whichever way it came.
    /// </summary>
    internal static string Composed(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    internal const int MaxTextLength = 2_000_000;

    /// <summary>The first problem with a document's text, or null when it can be stored.</summary>
    internal static string? CheckText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? Words.Text("Problem.DocumentTextEmpty")
        : text.Length > MaxTextLength ? Words.Text("Problem.DocumentTextTooLong")
        : null;

    internal static string? CheckTitle(string? title) =>
        string.IsNullOrWhiteSpace(title) ? Words.Text("Problem.DocumentNeedsTitle")
        : title.Trim().Length > 300 ? Words.Text("Problem.DocumentTitleTooLong")
        : null;
}
