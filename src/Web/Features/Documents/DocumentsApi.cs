using System.Security.Claims;
using Annotate.Shared.TextImport;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Web.Features.Documents;

internal static class DocumentsApi
{
    public sealed record DocumentListItem(int Id, string Title, int SeminarId, string SeminarName, int Revision);
    public sealed record DocumentDto(int Id, string Title, int SeminarId, int Revision, string Text);
    public sealed record AddDocumentRequest(string? Title, string? Text, bool Reflow = false);
    public sealed record AddedDocument(int Id, string Title, int Revision);

    internal const int MaxTextLength = 2_000_000;

    public static void MapDocumentsApi(this IEndpointRouteBuilder routes)
    {
        // Members read; what each may read is decided per document by seminar membership.
        var documents = routes.MapGroup("/api/documents").RequireAuthorization().WithTags("Documents");

        documents.MapGet("/", async (ClaimsPrincipal user, DocumentService service) =>
        {
            var list = await service.ListForUserAsync(user.UserId());
            return TypedResults.Ok(list.Select(d => new DocumentListItem(d.Id, d.Title, d.SeminarId, d.SeminarName, d.Revision)));
        }).WithName("ListDocuments").WithSummary("Documents the caller may read.");

        documents.MapGet("/{id:int}", async Task<Results<Ok<DocumentDto>, ProblemHttpResult>> (int id, ClaimsPrincipal user, ReaderAccess access, DocumentService service) =>
        {
            // Not a member answers the same as not there: no existence leak.
            if (await access.ForDocumentAsync(user.UserId(), id) is null || await service.GetAsync(id) is not { } document)
                return Problems.NotFound("There is no document with that id that you can read.");
            return TypedResults.Ok(new DocumentDto(document.Id, document.Title, document.SeminarId, document.Revision, document.Text));
        }).WithName("GetDocument").WithSummary("A document with its canonical text.");

        // Teachers of the seminar add documents.
        var seminarDocuments = routes.MapGroup("/api/seminars/{seminarId:int}/documents").RequireAuthorization().WithTags("Documents");
        seminarDocuments.MapPost("/", AddDocumentAsync).DisableAntiforgery()
            .WithName("AddDocument").WithSummary("Adds a document from JSON {title,text} or a multipart .txt file.");
    }

    private static async Task<Results<Created<AddedDocument>, ProblemHttpResult>> AddDocumentAsync(
        int seminarId, HttpRequest request, ClaimsPrincipal user, ReaderAccess access, DocumentService service)
    {
        var viewer = await access.ForSeminarAsync(user.UserId(), seminarId);
        if (viewer is null) return Problems.NotFound("There is no seminar with that id that you belong to.");
        if (!viewer.IsTeacher) return Problems.Forbidden("Only the seminar's teachers can add documents.");

        string? title; string? text;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var file = form.Files["file"];
            if (file is null || file.Length == 0) return Problems.BadRequest("Attach a non-empty .txt file in the form field 'file'.");
            if (file.Length > 10 * 1024 * 1024) return Problems.BadRequest("The file is larger than 10 MB.");
            if (!file.FileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)) return Problems.BadRequest("Only .txt files can be uploaded for now.");
            using var reader = new StreamReader(file.OpenReadStream());
            text = PlainTextReflow.Reflow(await reader.ReadToEndAsync());
            title = form["title"].FirstOrDefault() ?? Path.GetFileNameWithoutExtension(file.FileName);
        }
        else
        {
            AddDocumentRequest? body;
            try { body = await request.ReadFromJsonAsync<AddDocumentRequest>(); }
            catch (System.Text.Json.JsonException) { return Problems.BadRequest("The request body is not valid JSON."); }
            catch (InvalidOperationException) { return Problems.BadRequest("Send JSON {title, text} or a multipart form with a file."); }
            if (body?.Text is null) return Problems.BadRequest("The document needs a text.");
            title = body.Title;
            text = body.Reflow ? PlainTextReflow.Reflow(body.Text) : DocumentService.NormaliseLineEndings(body.Text);
        }

        title = title?.Trim();
        if (string.IsNullOrEmpty(title)) return Problems.BadRequest("The document needs a title.");
        if (title.Length > 300) return Problems.BadRequest("A title can be at most 300 characters long.");
        if (string.IsNullOrWhiteSpace(text)) return Problems.BadRequest("The document's text is empty.");
        if (text.Length > MaxTextLength) return Problems.BadRequest("The document's text is longer than 2 MB.");

        var document = await service.AddAsync(seminarId, title, text);
        return TypedResults.Created($"/api/documents/{document.Id}", new AddedDocument(document.Id, document.Title, document.Revision));
    }
}
