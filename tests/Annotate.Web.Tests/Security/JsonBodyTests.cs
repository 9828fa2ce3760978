using System.Net;
using System.Text;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Security;

/// <summary>
/// Calls that read a JSON body take application/json or application/ld+json and nothing else: any other
/// content type, or none, answers 415 problem+json and changes nothing. A browser can send text/plain,
/// form-urlencoded or multipart across sites without asking first (CORS lets those "simple" requests
/// through); JSON it cannot, so holding the line on the type keeps cross-site requests out.
/// </summary>
public sealed class JsonBodyTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    /// <summary>What a browser form or a no-cors fetch can send, and a body with no type at all.</summary>
    private static readonly string?[] NotJson = ["text/plain", null, "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml"];

    [Fact]
    public async Task Every_call_that_reads_JSON_answers_415_for_any_other_content_type_and_changes_nothing()
    {
        var scene = await SceneAsync();
        var calls = Calls(scene);
        var before = await app.Database.SnapshotAsync();

        var wrong = new List<string>();
        foreach (var (method, path, json, caller) in calls)
        {
            // Uploads take multipart: the next test is about them.
            foreach (var type in NotJson.Where(t => !(t?.StartsWith("multipart/") == true && path.EndsWith("/documents", StringComparison.Ordinal))))
            {
                var request = new HttpRequestMessage(method, path) { Content = Body(json, type) };
                // A current ETag, so that nothing but the type stands in the way.
                if (path == scene.AnnotationIri) request.Headers.TryAddWithoutValidation("If-Match", scene.ETag);
                var response = await caller.Http.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.UnsupportedMediaType)
                    wrong.Add($"{method} {path} as {type ?? "(no type)"}: {(int)response.StatusCode}");
                else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    wrong.Add($"{method} {path} as {type ?? "(no type)"}: 415 as {response.Content.Headers.ContentType}");
                else if (!(await response.Content.ReadAsStringAsync()).Contains("application/json", StringComparison.Ordinal))
                    wrong.Add($"{method} {path} as {type ?? "(no type)"}: 415 without saying what to send");
            }
        }

        Assert.Empty(wrong);
        Assert.Equal(before, await app.Database.SnapshotAsync());
    }

    [Fact]
    public async Task The_same_calls_take_both_JSON_types()
    {
        var scene = await SceneAsync();

        var json = await scene.Room.Teacher.Http.PostAsync("/api/seminars", Body("""{"name":"As JSON"}""", "application/json; charset=utf-8"));
        var ld = await scene.Room.StudentA.Http.PostAsync($"/api/documents/{scene.Room.DocumentId}/annotations",
            Body(scene.Room.Comment("nothing to lose but their chains").ToJsonString(), "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\""));
        var plainJson = await scene.Room.StudentA.Http.PostAsync($"/api/documents/{scene.Room.DocumentId}/annotations",
            Body(scene.Room.Comment("A spectre is haunting Europe").ToJsonString(), "application/json"));

        await json.ShouldHaveStatusAsync(HttpStatusCode.Created);
        await ld.ShouldHaveStatusAsync(HttpStatusCode.Created);
        await plainJson.ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_document_upload_takes_multipart_but_no_other_form()
    {
        var scene = await SceneAsync();
        var path = $"/api/seminars/{scene.Room.SeminarId}/documents";
        using var form = new MultipartFormDataContent { { new ByteArrayContent("A short text."u8.ToArray()), "file", "short.txt" } };
        var urlEncoded = new FormUrlEncodedContent([new("title", "Short"), new("text", "A short text.")]);

        var multipart = await scene.Room.Teacher.Http.PostAsync(path, form);
        var refused = await scene.Room.Teacher.Http.PostAsync(path, urlEncoded);

        await multipart.ShouldHaveStatusAsync(HttpStatusCode.Created);
        Assert.Contains("multipart/form-data", await refused.ProblemDetailAsync(HttpStatusCode.UnsupportedMediaType));
    }

    [Fact]
    public async Task A_call_without_a_body_still_takes_no_body_but_refuses_a_form()
    {
        var scene = await SceneAsync();
        var resolve = $"{scene.AnnotationIri}/resolved";

        var asForm = await scene.Room.Teacher.Http.PostAsync(resolve, new FormUrlEncodedContent([]));
        var empty = await scene.Room.Teacher.Http.PostAsync(resolve, null);

        await asForm.ProblemDetailAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.True((await empty.JsonAsync()).GetProperty("resolved").GetBoolean());
    }

    [Fact]
    public async Task A_malformed_upload_answers_400_and_adds_nothing()
    {
        var scene = await SceneAsync();
        var path = $"/api/seminars/{scene.Room.SeminarId}/documents";

        var noBoundary = await scene.Room.Teacher.Http.PostAsync(path, Body("not a form", "multipart/form-data"));
        var unfinished = await scene.Room.Teacher.Http.PostAsync(path, Body("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nA text", "multipart/form-data; boundary=x"));

        Assert.Contains("could not be read as multipart/form-data", await noBoundary.ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Contains("could not be read as multipart/form-data", await unfinished.ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Equal(1, await app.Database.CountAsync("SELECT COUNT(*) FROM Documents WHERE SeminarId = $id", ("$id", scene.Room.SeminarId)));
    }

    [Theory]
    [InlineData("/api/seminars")]
    [InlineData("/api/documents/1/annotations")]
    [InlineData("/api/documents/1/import")]
    public async Task Someone_signed_out_hears_401_before_anything_about_the_body(string path)
    {
        var response = await app.CreateApiClient().PostAsync(path, Body("{}", "text/plain"));

        Assert.StartsWith("Sign in first", await response.ProblemDetailAsync(HttpStatusCode.Unauthorized));
    }

    private sealed record Scene(Classroom Room, string AnnotationIri, string ETag, Guid FeedbackId);

    private async Task<Scene> SceneAsync()
    {
        var room = await app.CreateClassroomAsync();
        var posted = await room.StudentA.PostAnnotationAsync(room.DocumentId, room.Comment("The history of all hitherto existing society"));
        var annotation = await posted.JsonAsync(HttpStatusCode.Created);
        var feedback = room.Comment("Working men of all countries, unite", "Good reading.");
        feedback["motivation"] = "assessing";
        feedback["addressee"] = room.StudentA.Id;
        var given = await room.Teacher.CreateAnnotationAsync(room.DocumentId, feedback);
        // The notifications these make come a moment later: made before the "before" snapshot, not between the two.
        await app.NotificationsSettledAsync();
        return new Scene(room, annotation.Iri(), posted.Headers.ETag!.ToString(), Guid.Parse(given.Iri().Split('/')[^1]));
    }

    /// <summary>Each call with a body it would take as JSON, and who may make it.</summary>
    private static List<(HttpMethod Method, string Path, string Json, ApiUser Caller)> Calls(Scene scene)
    {
        var room = scene.Room;
        return
        [
            (HttpMethod.Post, "/api/seminars", """{"name":"Another"}""", room.Teacher),
            (HttpMethod.Post, "/api/seminars/join", """{"joinCode":"ABCDEF"}""", room.Outsider),
            (HttpMethod.Post, $"/api/seminars/{room.SeminarId}/groups", """{"name":"More readers"}""", room.Teacher),
            (HttpMethod.Post, $"/api/seminars/{room.SeminarId}/groups/split", """{"size":2}""", room.Teacher),
            (HttpMethod.Put, $"/api/seminars/{room.SeminarId}/members/{room.StudentB.Id}/role", """{"role":"teacher"}""", room.Teacher),
            (HttpMethod.Post, $"/api/seminars/{room.SeminarId}/documents", """{"title":"New","text":"A new text."}""", room.Teacher),
            (HttpMethod.Put, $"/api/documents/{room.DocumentId}", """{"title":"Renamed","text":"A new text."}""", room.Teacher),
            (HttpMethod.Put, $"/api/documents/{room.DocumentId}/schedule", """{"dueAt":"2030-01-01T00:00:00Z","postFirst":true}""", room.Teacher),
            (HttpMethod.Post, $"/api/documents/{room.DocumentId}/annotations", room.Comment("nothing to lose but their chains").ToJsonString(), room.StudentA),
            (HttpMethod.Put, scene.AnnotationIri, room.Comment("The history of all hitherto existing society", "Changed.").ToJsonString(), room.StudentA),
            (HttpMethod.Post, $"/api/documents/{room.DocumentId}/import", "[]", room.StudentA),
            (HttpMethod.Post, "/api/feedback/read", $$"""{"ids":["{{scene.FeedbackId}}"]}""", room.StudentA),
            (HttpMethod.Post, "/api/notifications/read", $$"""{"ids":["{{scene.FeedbackId}}"]}""", room.StudentA),
            (HttpMethod.Put, "/api/notifications/settings", """{"timeZone":"Europe/Berlin","digestHour":9}""", room.StudentA),
            (HttpMethod.Put, $"/api/notifications/settings/seminars/{room.SeminarId}", """{"inApp":"nothing","email":"nothing"}""", room.StudentA),
            (HttpMethod.Post, $"/api/seminars/{room.SeminarId}/announcements", """{"text":"Not as JSON"}""", room.Teacher),
            (HttpMethod.Post, "/api/auth/manage/info", """{"newEmail":"changed@example.org","oldPassword":"x"}""", room.StudentB),
        ];
    }

    /// <summary>The JSON text under the given content type; null sends no Content-Type header at all.</summary>
    private static HttpContent Body(string json, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        if (contentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
