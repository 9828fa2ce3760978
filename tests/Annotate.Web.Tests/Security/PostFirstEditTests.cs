using System.Net;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Security;

/// <summary>
/// On a "post first" document, editing one's only opening post so that it no longer opens the gate (made
/// private) closes the discussion to its author at once — their open page and hub connection included, as
/// when it is deleted — and editing it back opens it again, live.
/// </summary>
public sealed class PostFirstEditTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task Making_the_opening_post_private_closes_the_discussion_live_and_sharing_it_again_reopens_it()
    {
        var room = await app.CreateClassroomAsync();
        await app.SetPostFirstAsync(room.DocumentId);
        var a = room.StudentA;
        var byBText = Text("B's reading");
        var byB = (await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", byBText))).Iri();
        const string quote = "Pope and Tsar";
        var ownText = Text("A's own thought");
        var posted = await a.PostAnnotationAsync(room.DocumentId, room.Comment(quote, ownText));
        var own = (await posted.JsonAsync(HttpStatusCode.Created)).Iri();
        var hub = await app.ConnectHubAsync(a);
        await hub.JoinAsync(room.DocumentId);
        await using var pages = new LiveReadingPages(app);
        var page = await pages.OpenAsync(a, room.DocumentId);
        Assert.True(page.Shows(byBText));

        // Made private: A's only opening post no longer opens the gate.
        var closed = await a.PutAnnotationAsync(own, room.Comment(quote, ownText, "private"), posted.Headers.ETag!.ToString());
        await closed.ShouldHaveStatusAsync(HttpStatusCode.OK);

        await page.WaitUntilGoneAsync(byBText);
        var hiddenText = Text("B, while A's gate is closed");
        var hidden = (await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("Metternich and Guizot", hiddenText))).Iri();
        var barrier = (await a.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", Text("A's note"), "private"))).Iri();
        await hub.WaitForAsync(HubListener.Created, barrier);
        Assert.DoesNotContain(hub.Received, e => e.AnnotationIri == hidden);
        Assert.False(page.EverShowed(hiddenText), "A's open page showed a post made while A's gate was closed.");
        Assert.DoesNotContain(byB, await a.VisibleAnnotationIrisAsync(room.DocumentId));
        Assert.True(page.Shows(ownText), "A's page lost A's own note.");

        // Shared again: the discussion opens again, at once.
        await (await a.PutAnnotationAsync(own, room.Comment(quote, ownText, "seminar"), closed.Headers.ETag!.ToString()))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        await page.WaitUntilShownAsync(hiddenText);
        Assert.True(page.Shows(byBText));
        var afterText = Text("B, after A shared again");
        var after = (await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("holy alliance", afterText))).Iri();
        await hub.WaitForAsync(HubListener.Created, after);
        await page.WaitUntilShownAsync(afterText);
    }

    [Fact]
    public async Task Another_opening_post_keeps_the_discussion_open_when_one_is_made_private()
    {
        var room = await app.CreateClassroomAsync();
        await app.SetPostFirstAsync(room.DocumentId);
        var a = room.StudentA;
        var byBText = Text("B's reading");
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", byBText));
        var posted = await a.PostAnnotationAsync(room.DocumentId, room.Comment("Pope and Tsar", Text("first")));
        var first = (await posted.JsonAsync(HttpStatusCode.Created)).Iri();
        await a.CreateAnnotationAsync(room.DocumentId, room.Comment("Metternich and Guizot", Text("second"), "teachers"));
        await using var pages = new LiveReadingPages(app);
        var page = await pages.OpenAsync(a, room.DocumentId);

        await (await a.PutAnnotationAsync(first, room.Comment("Pope and Tsar", Text("first, now private"), "private"), posted.Headers.ETag!.ToString()))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        var laterText = Text("B later");
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("holy alliance", laterText));
        await page.WaitUntilShownAsync(laterText);
        Assert.True(page.Shows(byBText));
    }

    private static string Text(string what) => $"{what} {Guid.NewGuid():N}";
}
