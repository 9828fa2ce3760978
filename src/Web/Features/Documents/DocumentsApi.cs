using System.Security.Claims;
using Annotate.Shared.Text;
using Annotate.Shared.TextImport;
using Annotate.Web.Features.Documents.Import;
using Annotate.Web.Resources;
using Annotate.Web.Setup;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Web.Features.Documents;

internal static class DocumentsApi
{
    // language: the text's BCP 47 tag ("en", "vi"), null when unknown.
    public sealed record DocumentListItem(int Id, string Title, int SeminarId, string SeminarName, int Revision, string? Language);
    public sealed record DocumentDto(int Id, string Title, int SeminarId, int Revision, string Text, DateTimeOffset? DueAt, bool PostFirst, string? Language);
    // dueAt is read as a string so that a malformed one is answered with a sentence about dates; language left out is detected.
    public sealed record AddDocumentRequest(string? Title, string? Text, bool Reflow = false, string? DueAt = null, bool PostFirst = false, string? Language = null);
    public sealed record LanguageRequest(string? Language);
    public sealed record DocumentLanguage(string? Language);
    public sealed record AddedDocument(int Id, string Title, int Revision);
    public sealed record ReviseRequest(string? Title, string? Text, bool Reflow = false);
    public sealed record ScheduleRequest(DateTimeOffset? DueAt, bool PostFirst = false);
    public sealed record Schedule(DateTimeOffset? DueAt, bool PostFirst);

    public static void MapDocumentsApi(this IEndpointRouteBuilder routes)
    {
        // Members read; what each may read is decided per document by seminar membership.
        var documents = routes.MapGroup("/api/documents").RequireAuthorization().WithTags("Documents");

        documents.MapGet("/", async (ClaimsPrincipal user, DocumentService service) =>
        {
            var list = await service.ListForUserAsync(user.UserId());
            return TypedResults.Ok(list.Select(d => new DocumentListItem(d.Id, d.Title, d.SeminarId, d.SeminarName, d.Revision, d.Language)));
        }).WithName("ListDocuments").WithSummary("Documents the caller may read.");

        documents.MapGet("/{id:int}", async Task<Results<Ok<DocumentDto>, ProblemHttpResult>> (int id, ClaimsPrincipal user, ReaderAccess access, DocumentService service) =>
        {
            // Not a member answers the same as not there: no existence leak.
            if (await access.ForDocumentAsync(user.UserId(), id) is null || await service.GetAsync(id) is not { } document)
                return Problems.NotFound(ReaderAccess.NoSuchDocument);
            return TypedResults.Ok(new DocumentDto(document.Id, document.Title, document.SeminarId, document.Revision, document.Text, document.DueAt, document.PostFirst, document.Language));
        }).WithName("GetDocument").WithSummary("A document with its canonical text.");

        documents.MapPut("/{id:int}", async Task<Results<Ok<AddedDocument>, ProblemHttpResult>> (int id, HttpRequest request, ClaimsPrincipal user, RevisionService revisions) =>
        {
            ReviseRequest? body;
            try { body = await request.ReadFromJsonAsync<ReviseRequest>(); }
            catch (System.Text.Json.JsonException) { return Problems.BadRequest("The request body is not valid JSON."); }
            if (body?.Text is null) return Problems.BadRequest("Send the new text as {\"title\": …, \"text\": …}.");
            var text = body.Reflow ? PlainTextReflow.Reflow(body.Text) : body.Text;
            var result = await revisions.ReviseAsync(user.UserId(), id, body.Title, text);
            return result.Value is { } revised ? TypedResults.Ok(new AddedDocument(id, revised.Title, revised.Number)) : Problems.For(result.Problem!);
        }).AcceptsJson<ReviseRequest>().WithName("ReviseDocument").WithSummary("Replaces the text (teachers): a new revision; threads are placed again in the background.");

        documents.MapPut("/{id:int}/schedule", async Task<Results<Ok<Schedule>, ProblemHttpResult>> (int id, HttpRequest request, ClaimsPrincipal user, DocumentService service) =>
        {
            ScheduleRequest? body;
            try { body = await request.ReadFromJsonAsync<ScheduleRequest>(); }
            catch (System.Text.Json.JsonException) { return Problems.BadRequest("Send JSON {\"dueAt\": an ISO 8601 date-time or null, \"postFirst\": true or false}."); }
            if (body is null) return Problems.BadRequest("Send JSON {\"dueAt\": …, \"postFirst\": …}.");
            var result = await service.SetScheduleAsync(user.UserId(), id, body.DueAt, body.PostFirst);
            return result.Problem is { } problem ? Problems.For(problem) : TypedResults.Ok(new Schedule(body.DueAt?.ToUniversalTime(), body.PostFirst));
        }).AcceptsJson<ScheduleRequest>().WithName("SetDocumentSchedule").WithSummary("Due date and \"post first\" (teachers).");

        documents.MapPut("/{id:int}/language", async Task<Results<Ok<DocumentLanguage>, ProblemHttpResult>> (int id, HttpRequest request, ClaimsPrincipal user, DocumentService service) =>
        {
            LanguageRequest? body;
            try { body = await request.ReadFromJsonAsync<LanguageRequest>(); }
            catch (System.Text.Json.JsonException) { return Problems.BadRequest(Words.Text("Content.LanguageJson")); }
            if (body is null) return Problems.BadRequest(Words.Text("Content.LanguageJson"));
            var result = await service.SetLanguageAsync(user.UserId(), id, body.Language);
            return result.Problem is { } problem ? Problems.For(problem) : TypedResults.Ok(new DocumentLanguage(result.Value));
        }).AcceptsJson<LanguageRequest>().WithName("SetDocumentLanguage").WithSummary("The language the text is written in (teachers): a BCP 47 tag, or null for unknown.");

        documents.MapGet("/{id:int}/revisions", async Task<Results<Ok<List<RevisionService.RevisionSummary>>, ProblemHttpResult>> (int id, ClaimsPrincipal user, ReaderAccess access, RevisionService revisions) =>
            await access.ForDocumentAsync(user.UserId(), id) is null
                ? Problems.NotFound(ReaderAccess.NoSuchDocument)
                : TypedResults.Ok(await revisions.ListAsync(id)))
            .WithName("ListRevisions").WithSummary("The document's revisions, newest first.");

        documents.MapGet("/{id:int}/revisions/{number:int}", async Task<Results<Ok<RevisionService.RevisionText>, ProblemHttpResult>> (int id, int number, ClaimsPrincipal user, ReaderAccess access, RevisionService revisions) =>
            await access.ForDocumentAsync(user.UserId(), id) is null || await revisions.GetAsync(id, number) is not { } revision
                ? Problems.NotFound("There is no such revision of a document you can read.")
                : TypedResults.Ok(revision))
            .WithName("GetRevision").WithSummary("The text of one revision.");

        // Teachers of the seminar add documents.
        var seminarDocuments = routes.MapGroup("/api/seminars/{seminarId:int}/documents").RequireAuthorization().WithTags("Documents");
        // The framework's antiforgery check would ask bearer clients for a token too; ApiRequestGuard asks cookie uploads only.
        seminarDocuments.MapPost("/", AddDocumentAsync).DisableAntiforgery().AcceptsJsonOrUpload<AddDocumentRequest>()
            .WithName("AddDocument").WithSummary("Adds a document from JSON {title,text} or a multipart .txt, .md, .docx or .pdf file.");
    }

    private static async Task<Results<Created<AddedDocument>, ProblemHttpResult>> AddDocumentAsync(
        int seminarId, HttpRequest request, ClaimsPrincipal user, ReaderAccess access, DocumentService service,
        DocumentImporter importer, TimeProvider clock)
    {
        var viewer = await access.ForSeminarAsync(user.UserId(), seminarId);
        if (viewer is null) return Problems.NotFound(ReaderAccess.NoSuchSeminar);
        if (!viewer.IsTeacher) return Problems.Forbidden("Only the seminar's teachers can add documents.");

        (NewDocument? Input, string? Problem) read;
        if (request.HasFormContentType)
        {
            var (form, unreadable) = await request.TryReadFormAsync();
            if (form is null) return unreadable!;
            read = await ReadUploadAsync(form, importer, clock.LocalTimeZone, request.HttpContext.RequestAborted);
        }
        else read = await ReadJsonAsync(request, clock.LocalTimeZone);
        if (read.Input is not { } input) return Problems.BadRequest(read.Problem!);
        if ((DocumentService.CheckTitle(input.Title) ?? DocumentService.CheckText(input.Text)) is { } invalid) return Problems.BadRequest(invalid);

        var document = await service.AddAsync(seminarId, input.Title!.Trim(), input.Text, user.UserId(), input.DueAt, input.PostFirst, input.Language);
        return TypedResults.Created($"/api/documents/{document.Id}", new AddedDocument(document.Id, document.Title, document.Revision));
    }

    /// <summary>What a request to add a document asks for, read and checked but not yet stored.</summary>
    private sealed record NewDocument(string? Title, string Text, DateTimeOffset? DueAt, bool PostFirst, string? Language);

    private const string PostFirstInvalid = "postFirst must be true or false.";

    /// <summary>Multipart: `file` (.txt, .md, .docx, .pdf) read through the importer; optional `title`, `dueAt`, `postFirst`, `language`.</summary>
    private static async Task<(NewDocument? Input, string? Problem)> ReadUploadAsync(IFormCollection form, DocumentImporter importer, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        if (!DueDate.TryParse(form["dueAt"].FirstOrDefault(), zone, out var dueAt)) return (null, DueDate.Invalid);
        var postFirst = false;
        if (form["postFirst"].FirstOrDefault() is { Length: > 0 } flag && !bool.TryParse(flag, out postFirst)) return (null, PostFirstInvalid);
        if (!TextLanguage.TryNormalise(form["language"].FirstOrDefault(), out var language)) return (null, Words.Text("Content.LanguageInvalid"));
        var file = form.Files["file"];
        if (file is null) return (null, "Attach a .txt, .md, .docx or .pdf file in the form field 'file'.");
        var title = form["title"].FirstOrDefault() is { Length: > 0 } given ? given : Path.GetFileNameWithoutExtension(file.FileName);
        // A title that cannot be stored is refused before the file is read, which may take a while.
        if (DocumentService.CheckTitle(title) is { } badTitle) return (null, badTitle);

        var imported = await importer.ImportAsync(file.FileName, file.Length, file.OpenReadStream, cancellationToken);
        return imported.Text is null ? (null, imported.Problem) : (new NewDocument(title, imported.Text, dueAt, postFirst, language), null);
    }

    /// <summary>JSON {title, text, reflow?, dueAt?, postFirst?, language?}: the text is stored as given unless reflow is asked for.</summary>
    private static async Task<(NewDocument? Input, string? Problem)> ReadJsonAsync(HttpRequest request, TimeZoneInfo zone)
    {
        AddDocumentRequest? body;
        try { body = await request.ReadFromJsonAsync<AddDocumentRequest>(); }
        catch (System.Text.Json.JsonException e) when (IsProperty(e, "dueAt")) { return (null, DueDate.Invalid); }
        catch (System.Text.Json.JsonException e) when (IsProperty(e, "postFirst")) { return (null, PostFirstInvalid); }
        catch (System.Text.Json.JsonException) { return (null, "The request body is not valid JSON."); }
        if (body?.Text is null) return (null, "The document needs a text.");
        if (!DueDate.TryParse(body.DueAt, zone, out var dueAt)) return (null, DueDate.Invalid);
        if (!TextLanguage.TryNormalise(body.Language, out var language)) return (null, Words.Text("Content.LanguageInvalid"));
        var text = body.Reflow ? PlainTextReflow.Reflow(body.Text) : DocumentService.NormaliseLineEndings(body.Text);
        return (new NewDocument(body.Title, text, dueAt, body.PostFirst, language), null);
    }

    private static bool IsProperty(System.Text.Json.JsonException e, string name) =>
        string.Equals(e.Path, "$." + name, StringComparison.OrdinalIgnoreCase);
}
