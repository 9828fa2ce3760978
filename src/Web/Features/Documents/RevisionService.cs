using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Web.Realtime;
using Microsoft.EntityFrameworkCore;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Documents;

/// <summary>
/// New versions of a document's text. A revision becomes current at once; its threads are then placed
/// again in the background (<see cref="AnchoringWorker"/>), and until that has stored a thread's anchor
/// the reading paths work it out on the fly, so nobody ever sees a thread on the wrong words.
/// </summary>
internal sealed class RevisionService(IDbContextFactory<AnnotateDb> dbFactory, ReaderAccess access, AnchoringWorker anchoring, IAnnotationFeed feed, TimeProvider clock)
{
    public sealed record RevisionSummary(int Number, string Title, DateTimeOffset CreatedAt, string? AuthorName, bool AnchoringDone);
    public sealed record RevisionText(int DocumentId, int Number, string Title, string Text);

    /// <summary>The document's current revision after the call; <see cref="Changed"/> false when text and title were already so.</summary>
    public sealed record Revised(int Number, string Title, bool Changed);

    /// <summary>Makes <paramref name="text"/> the document's current text (a teacher of its seminar only).</summary>
    public async Task<ServiceResult<Revised>> ReviseAsync(string userId, int documentId, string? title, string text)
    {
        if (await access.ForDocumentAsync(userId, documentId) is not { } reader)
            return ServiceProblem.NotFound(ReaderAccess.NoSuchDocument);
        if (!reader.Viewer.IsTeacher)
            return ServiceProblem.Forbidden(Words.Text("Problem.TeachersOnlyText"));
        text = DocumentService.Composed(DocumentService.NormaliseLineEndings(text));
        if (DocumentService.CheckText(text) is { } problem) return ServiceProblem.Invalid(problem);

        await using var db = await dbFactory.CreateDbContextAsync();
        var document = await db.Documents.FirstAsync(d => d.Id == documentId);
        title = string.IsNullOrWhiteSpace(title) ? document.Title : DocumentService.Composed(title.Trim());
        if (DocumentService.CheckTitle(title) is { } titleProblem) return ServiceProblem.Invalid(titleProblem);
        if (text == document.Text && title == document.Title) return new Revised(document.Revision, title, Changed: false);

        var now = clock.GetUtcNow();
        document.Revision++;
        document.Text = text;
        document.Title = title;
        document.ModifiedAt = now;
        db.DocumentRevisions.Add(new DocumentRevision
        {
            DocumentId = documentId,
            Number = document.Revision,
            Title = title,
            Text = text,
            CreatedAt = now,
            AuthorId = userId,
            // Nothing to place when no thread was written on an older text.
            AnchoringDone = !await db.Annotations.AnyAsync(a => a.DocumentId == documentId && a.ParentId == null),
        });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceProblem.Invalid(Words.Text("Problem.RevisionRace"));
        }

        anchoring.Enqueue(documentId);
        await feed.PublishAsync(new DocumentRevisedEvent(documentId, document.Revision));
        return new Revised(document.Revision, title, Changed: true);
    }

    public async Task<List<RevisionSummary>> ListAsync(int documentId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.DocumentRevisions.Where(r => r.DocumentId == documentId)
            .OrderByDescending(r => r.Number)
            .Select(r => new RevisionSummary(r.Number, r.Title, r.CreatedAt,
                db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).FirstOrDefault(), r.AnchoringDone))
            .ToListAsync();
    }

    public async Task<RevisionText?> GetAsync(int documentId, int number)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.DocumentRevisions.Where(r => r.DocumentId == documentId && r.Number == number)
            .Select(r => new RevisionText(r.DocumentId, r.Number, r.Title, r.Text))
            .FirstOrDefaultAsync();
    }
}
