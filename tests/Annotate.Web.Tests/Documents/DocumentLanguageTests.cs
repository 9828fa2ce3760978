using System.Net;
using System.Net.Http.Json;
using System.Text;
using Annotate.Data;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Web.Tests.Documents;

/// <summary>
/// A document's language (issue 16, WCAG 3.1.2): given when it is added or detected from its text, shown in its JSON
/// as <c>language</c>, changed by a teacher without a new revision; a tag that is not one is refused and nothing changes.
/// </summary>
public sealed class DocumentLanguageTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const string VietnameseText = "Buổi thảo luận hôm nay bàn về con đường của văn học Việt Nam thế kỷ hai mươi.";
    private const string EnglishText = "A spectre is haunting Europe — the spectre of communism.";

    [Fact]
    public async Task A_fresh_database_has_the_migration_and_the_column()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AnnotateDb>>().CreateDbContextAsync();
        Assert.Contains(await db.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_DocumentLanguage", StringComparison.Ordinal));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(await db.Documents.AnyAsync(d => d.Language == "xx"));
    }

    [Fact]
    public async Task Without_a_language_the_text_decides()
    {
        var (teacher, seminarId) = await TeacherAsync();
        var vietnamese = await app.AddDocumentAsync(teacher, seminarId, "Văn học", VietnameseText);
        var english = await app.AddDocumentAsync(teacher, seminarId, "The Manifesto", EnglishText);

        Assert.Equal("vi", await LanguageAsync(teacher, vietnamese));
        Assert.Equal("en", await LanguageAsync(teacher, english));
        var listed = (await (await teacher.Http.GetAsync("/api/documents")).JsonAsync()).EnumerateArray()
            .ToDictionary(d => d.GetProperty("id").GetInt32(), d => d.GetProperty("language").GetString());
        Assert.Equal("vi", listed[vietnamese]);
        Assert.Equal("en", listed[english]);
    }

    [Fact]
    public async Task A_language_given_is_kept_whatever_the_text()
    {
        var (teacher, seminarId) = await TeacherAsync();
        var added = await teacher.Http.PostAsJsonAsync($"/api/seminars/{seminarId}/documents", new { title = "Quotes", text = EnglishText, language = "VI" });
        var id = (await added.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();

        Assert.Equal("vi", await LanguageAsync(teacher, id));
    }

    [Fact]
    public async Task An_upload_takes_its_language_from_the_form_or_the_file()
    {
        var (teacher, seminarId) = await TeacherAsync();

        Assert.Equal("vi", await LanguageAsync(teacher, await UploadAsync(teacher, seminarId, VietnameseText, language: null)));
        Assert.Equal("en", await LanguageAsync(teacher, await UploadAsync(teacher, seminarId, VietnameseText, language: "en")));
    }

    [Fact]
    public async Task A_tag_that_is_not_one_is_refused_with_a_sentence_and_nothing_is_added()
    {
        var (teacher, seminarId) = await TeacherAsync();

        var refused = await teacher.Http.PostAsJsonAsync($"/api/seminars/{seminarId}/documents", new { title = "T", text = EnglishText, language = "English" });

        Assert.Contains("BCP 47", await refused.ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Empty((await (await teacher.Http.GetAsync("/api/documents")).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task A_well_formed_tag_too_long_to_keep_is_refused_and_changes_nothing()
    {
        var (teacher, seminarId) = await TeacherAsync();
        var id = await app.AddDocumentAsync(teacher, seminarId, "The Manifesto", EnglishText);
        var tooLong = "en-" + string.Join('-', Enumerable.Repeat("abcdefgh", 4));

        var refused = await teacher.Http.PutAsJsonAsync($"/api/documents/{id}/language", new { language = tooLong });

        Assert.Contains("BCP 47", await refused.ProblemDetailAsync(HttpStatusCode.BadRequest));
        var document = await (await teacher.Http.GetAsync($"/api/documents/{id}")).JsonAsync();
        Assert.Equal("en", document.GetProperty("language").GetString());
    }

    [Fact]
    public async Task A_teacher_sets_the_language_without_a_new_revision()
    {
        var (teacher, seminarId) = await TeacherAsync();
        var id = await app.AddDocumentAsync(teacher, seminarId, "The Manifesto", EnglishText);

        var set = await (await teacher.Http.PutAsJsonAsync($"/api/documents/{id}/language", new { language = "vi" })).JsonAsync();
        Assert.Equal("vi", set.GetProperty("language").GetString());
        var document = await (await teacher.Http.GetAsync($"/api/documents/{id}")).JsonAsync();
        Assert.Equal("vi", document.GetProperty("language").GetString());
        Assert.Equal(1, document.GetProperty("revision").GetInt32());

        await (await teacher.Http.PutAsJsonAsync($"/api/documents/{id}/language", new { language = (string?)null })).JsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await (await teacher.Http.GetAsync($"/api/documents/{id}")).JsonAsync()).GetProperty("language").ValueKind);
    }

    [Fact]
    public async Task A_student_cannot_set_it_an_outsider_is_told_there_is_no_such_document_and_a_bad_tag_changes_nothing()
    {
        var teacher = await app.RegisterAsync("teacher");
        var (seminarId, joinCode) = await app.CreateSeminarAsync(teacher);
        var student = await app.RegisterAsync("student");
        await app.JoinAsync(student, joinCode);
        var outsider = await app.RegisterAsync("outsider");
        var id = await app.AddDocumentAsync(teacher, seminarId, "The Manifesto", EnglishText);

        await (await student.Http.PutAsJsonAsync($"/api/documents/{id}/language", new { language = "vi" })).ProblemDetailAsync(HttpStatusCode.Forbidden);
        await (await outsider.Http.PutAsJsonAsync($"/api/documents/{id}/language", new { language = "vi" })).ProblemDetailAsync(HttpStatusCode.NotFound);
        Assert.Contains("BCP 47", await (await teacher.Http.PutAsJsonAsync($"/api/documents/{id}/language", new { language = "not a tag" }))
            .ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Equal("en", await LanguageAsync(teacher, id));
    }

    [Fact]
    public async Task The_printable_export_marks_the_title_and_the_article_with_it()
    {
        var (teacher, seminarId) = await TeacherAsync();
        var id = await app.AddDocumentAsync(teacher, seminarId, "Văn học", VietnameseText);
        teacher.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var html = await teacher.ExportTextAsync(id, "format=html");

        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("<h1 lang=\"vi\">Văn học</h1>", html);
        Assert.Contains("<article class=\"article\" aria-label=\"Văn học\" lang=\"vi\">", html);
    }

    private async Task<(ApiUser Teacher, int SeminarId)> TeacherAsync()
    {
        var teacher = await app.RegisterAsync("teacher");
        return (teacher, (await app.CreateSeminarAsync(teacher)).Id);
    }

    private static async Task<string?> LanguageAsync(ApiUser user, int documentId) =>
        (await (await user.Http.GetAsync($"/api/documents/{documentId}")).JsonAsync()).GetProperty("language").GetString();

    private static async Task<int> UploadAsync(ApiUser teacher, int seminarId, string text, string? language)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", "reading.txt");
        if (language is not null) form.Add(new StringContent(language), "language");
        var added = await teacher.Http.PostAsync($"/api/seminars/{seminarId}/documents", form);
        return (await added.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
    }
}
