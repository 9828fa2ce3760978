using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace Annotate.Web.Tests.Security;

/// <summary>
/// Two accounts that share no seminar learn nothing about each other: not through the API, the hub or a
/// page. With the demo on, as a fresh installation runs, each has only its own sample seminar.
/// </summary>
public sealed class StrangerTests : IAsyncLifetime
{
    private readonly AnnotateApp app = AnnotateApp.WithDemo();
    private ApiUser ann = default!;
    private ApiUser bob = default!;
    private int annSeminar;
    private int annDocument;
    private int bobSeminar;
    private int bobDocument;
    private string bobAnnotation = "";

    public async Task InitializeAsync()
    {
        ann = await app.RegisterAsync("ann");
        bob = await app.RegisterAsync("bob");
        (annSeminar, annDocument) = await SampleOfAsync(ann);
        (bobSeminar, bobDocument) = await SampleOfAsync(bob);
        var text = (await (await bob.Http.GetAsync($"/api/documents/{bobDocument}")).JsonAsync()).GetProperty("text").GetString()!;
        bobAnnotation = (await bob.CreateAnnotationAsync(bobDocument,
            AnnotationJson.Comment(app.DocumentIri(bobDocument), text, "proletarian internationalism", "Bob's thought."))).Iri();
    }

    [Fact]
    public async Task Each_lists_only_what_is_their_own()
    {
        Assert.Equal([annSeminar], await IdsAsync(ann, "/api/seminars"));
        Assert.Equal([annDocument], await IdsAsync(ann, "/api/documents"));
        var members = await (await ann.Http.GetAsync($"/api/seminars/{annSeminar}/members")).JsonAsync();
        Assert.Equal([ann.Id], members.EnumerateArray().Select(m => m.GetProperty("userId").GetString()));
        Assert.Empty((await (await ann.Http.GetAsync("/api/feedback")).JsonAsync()).EnumerateArray());
        Assert.Empty(await ann.VisibleAnnotationIrisAsync(annDocument));
    }

    [Theory]
    [InlineData("GET", "/api/users/{user}")]
    [InlineData("GET", "/api/seminars/{seminar}/members")]
    [InlineData("GET", "/api/seminars/{seminar}/groups")]
    [InlineData("GET", "/api/documents/{document}")]
    [InlineData("GET", "/api/documents/{document}/annotations")]
    [InlineData("GET", "/api/documents/{document}/export?format=csv")]
    [InlineData("GET", "/api/documents/{document}/participation")]
    [InlineData("GET", "/api/documents/{document}/participation/students/{user}/posts")]
    [InlineData("GET", "/api/documents/{document}/confusion")]
    [InlineData("GET", "/api/seminars/{seminar}/dashboard")]
    [InlineData("GET", "/api/seminars/{seminar}/dashboard?format=csv")]
    [InlineData("GET", "/api/seminars/{seminar}/dashboard/students/{user}/timeline")]
    [InlineData("GET", "/api/annotations/{annotation}")]
    [InlineData("DELETE", "/api/annotations/{annotation}")]
    [InlineData("DELETE", "/api/seminars/{seminar}")]
    public async Task What_belongs_to_a_stranger_answers_as_if_it_did_not_exist(string method, string template)
    {
        var real = await SendAsync(ann, method, Fill(template, bob.Id, bobSeminar, bobDocument, bobAnnotation));
        var madeUp = await SendAsync(ann, method, Fill(template, Guid.NewGuid().ToString(), 987_654, 987_654, $"{app.Origin}/api/annotations/{Guid.NewGuid()}"));

        Assert.Equal(HttpStatusCode.NotFound, real.Status);
        Assert.Equal(madeUp, real);
    }

    [Fact]
    public async Task Naming_a_stranger_in_ones_own_seminar_answers_as_for_a_madeUp_id()
    {
        var text = (await (await ann.Http.GetAsync($"/api/documents/{annDocument}")).JsonAsync()).GetProperty("text").GetString()!;
        var group = (await (await ann.Http.PostAsJsonAsync($"/api/seminars/{annSeminar}/groups", new { name = "Group A" })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        foreach (var call in new Func<string, Task<HttpResponseMessage>>[]
        {
            id => ann.PostAnnotationAsync(annDocument, Feedback(AnnotationJson.Comment(app.DocumentIri(annDocument), text, "proletarian internationalism", "For you."), id)),
            id => ann.Http.GetAsync($"/api/documents/{annDocument}/export?format=csv&student={id}"),
            id => ann.Http.PutAsync($"/api/seminars/{annSeminar}/groups/{group}/members/{id}", null),
            id => ann.Http.DeleteAsync($"/api/seminars/{annSeminar}/members/{id}"),
            id => ann.Http.PutAsJsonAsync($"/api/seminars/{annSeminar}/members/{id}/role", new { role = "teacher" }),
        })
        {
            var real = await Answer.OfAsync(await call(bob.Id));
            var madeUp = await Answer.OfAsync(await call(Guid.NewGuid().ToString()));
            Assert.False((int)real.Status < 300, $"Naming a stranger succeeded: {real}");
            Assert.Equal(madeUp, real);
        }
    }

    [Fact]
    public async Task The_hub_refuses_a_strangers_document_and_carries_nothing_of_theirs()
    {
        var annHub = await app.ConnectHubAsync(ann);
        var error = await Assert.ThrowsAsync<HubException>(() => annHub.JoinAsync(bobDocument));
        Assert.DoesNotContain(bobDocument.ToString(), error.Message);

        await annHub.JoinAsync(annDocument);
        var bobHub = await app.ConnectHubAsync(bob);
        await bobHub.JoinAsync(bobDocument);
        var text = (await (await bob.Http.GetAsync($"/api/documents/{bobDocument}")).JsonAsync()).GetProperty("text").GetString()!;
        var later = (await bob.CreateAnnotationAsync(bobDocument,
            AnnotationJson.Comment(app.DocumentIri(bobDocument), text, "unity of interests", "Later."))).Iri();
        await bobHub.WaitForAsync(HubListener.Created, later);

        Assert.Empty(annHub.TakeArrived());
    }

    [Fact]
    public async Task Pages_of_a_strangers_seminar_and_document_say_not_found()
    {
        var browser = await CookieReader.SignInAsync(app, ann);

        var document = await browser.GetReadingPageAsync(bobDocument);
        var seminar = await browser.Http.GetAsync($"/seminars/{bobSeminar}");

        Assert.False(document.IsReadingPage);
        Assert.DoesNotContain("Bob's thought.", document.Html);
        Assert.Contains("Not found", document.Html);
        var seminarHtml = await seminar.Content.ReadAsStringAsync();
        Assert.Contains("There is no seminar here that you belong to.", seminarHtml);
        Assert.DoesNotContain(bob.DisplayName, seminarHtml);
    }

    public Task DisposeAsync() => app.DisposeAsync().AsTask();

    private static async Task<(int Seminar, int Document)> SampleOfAsync(ApiUser user)
    {
        var document = Assert.Single((await (await user.Http.GetAsync("/api/documents")).JsonAsync()).EnumerateArray());
        return (document.GetProperty("seminarId").GetInt32(), document.GetProperty("id").GetInt32());
    }

    private static async Task<List<int>> IdsAsync(ApiUser user, string path) =>
        (await (await user.Http.GetAsync(path)).JsonAsync()).EnumerateArray().Select(e => e.GetProperty("id").GetInt32()).ToList();

    private static string Fill(string template, string user, int seminar, int document, string annotationIri) => template
        .Replace("{user}", user).Replace("{seminar}", seminar.ToString()).Replace("{document}", document.ToString())
        .Replace("/api/annotations/{annotation}", new Uri(annotationIri).AbsolutePath);

    private static async Task<Answer> SendAsync(ApiUser user, string method, string path) =>
        await Answer.OfAsync(await user.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)));

    private static System.Text.Json.Nodes.JsonObject Feedback(System.Text.Json.Nodes.JsonObject comment, string addressee)
    {
        comment["motivation"] = "assessing";
        comment["addressee"] = addressee;
        return comment;
    }

    /// <summary>What a caller can tell from an answer: its status and its sentence.</summary>
    private sealed record Answer(HttpStatusCode Status, string? Detail)
    {
        public static async Task<Answer> OfAsync(HttpResponseMessage response)
        {
            var body = await response.Content.ReadAsStringAsync();
            string? detail = null;
            if (body.StartsWith('{'))
            {
                using var json = JsonDocument.Parse(body);
                if (json.RootElement.TryGetProperty("detail", out var d)) detail = d.GetString();
            }
            return new Answer(response.StatusCode, detail);
        }
    }
}
