using System.Net;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Security;

/// <summary>
/// Replacing an annotation names the version it replaces (RFC 6585 428 otherwise), so an edit made
/// meanwhile, by another tab or a reply's author changing the thread, is never overwritten unseen.
/// </summary>
[EngineSpecific]
public sealed class IfMatchTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const string Quote = "The history of all hitherto existing society";

    [Fact]
    public async Task Put_without_If_Match_answers_428_and_changes_nothing()
    {
        var (room, iri, _) = await PostedAsync();

        var response = await room.StudentA.PutAnnotationAsync(iri, room.Comment(Quote, "Overwritten?"), ifMatch: null);

        var detail = await response.ProblemDetailAsync(HttpStatusCode.PreconditionRequired);
        Assert.Contains("Send If-Match with the annotation's ETag", detail);
        Assert.Equal("First thought.", (await (await room.StudentA.GetAnnotationAsync(iri)).JsonAsync()).CommentText());
    }

    [Fact]
    public async Task If_Match_star_is_no_licence_to_overwrite()
    {
        var (room, iri, _) = await PostedAsync();

        var response = await room.StudentA.PutAnnotationAsync(iri, room.Comment(Quote, "Overwritten?"), "*");

        var detail = await response.ProblemDetailAsync(HttpStatusCode.PreconditionRequired);
        Assert.Contains("If-Match: * ", detail);
        Assert.Equal("First thought.", (await (await room.StudentA.GetAnnotationAsync(iri)).JsonAsync()).CommentText());
    }

    [Theory]
    [InlineData("\"no-such-version\"")]
    [InlineData("W/\"999\"")]
    public async Task A_malformed_or_unknown_ETag_stays_412(string ifMatch)
    {
        var (room, iri, _) = await PostedAsync();

        var response = await room.StudentA.PutAnnotationAsync(iri, room.Comment(Quote, "Overwritten?"), ifMatch);

        await response.ProblemDetailAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("First thought.", (await (await room.StudentA.GetAnnotationAsync(iri)).JsonAsync()).CommentText());
    }

    [Fact]
    public async Task The_current_ETag_replaces()
    {
        var (room, iri, etag) = await PostedAsync();

        var response = await room.StudentA.PutAnnotationAsync(iri, room.Comment(Quote, "Second thought."), etag);

        Assert.Equal("Second thought.", (await response.JsonAsync()).CommentText());
    }

    [Fact]
    public async Task Someone_who_cannot_see_it_gets_404_whatever_they_send()
    {
        var (room, iri, _) = await PostedAsync();

        var response = await room.Outsider.PutAnnotationAsync(iri, room.Comment(Quote, "Overwritten?"), ifMatch: null);

        await response.ProblemDetailAsync(HttpStatusCode.NotFound);
    }

    private async Task<(Classroom Room, string Iri, string ETag)> PostedAsync()
    {
        var room = await app.CreateClassroomAsync();
        var posted = await room.StudentA.PostAnnotationAsync(room.DocumentId, room.Comment(Quote, "First thought."));
        return (room, (await posted.JsonAsync(HttpStatusCode.Created)).Iri(), posted.Headers.ETag!.ToString());
    }
}
