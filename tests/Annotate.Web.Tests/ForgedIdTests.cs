using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Shared;
using Annotate.Web.Components.Reading;
using Annotate.Web.Components.Threads;
using Annotate.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Annotate.Web.Tests;

/// <summary>
/// The id of someone else's private annotation, however it is sent — to the API or through the events of
/// the reading page — answers "not found" and changes nothing: the same rows, the same annotation.
/// </summary>
public sealed class ForgedIdTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const string NotThere = "There is no annotation with that id that you can see.";

    [Fact]
    public async Task Another_users_private_annotation_is_404_to_every_API_call_and_nothing_changes()
    {
        var room = await app.CreateClassroomAsync();
        var secret = $"Private thought {Guid.NewGuid():N}";
        var posted = await room.StudentA.PostAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", secret, "private"));
        var hidden = await posted.JsonAsync(HttpStatusCode.Created);
        var iri = hidden.Iri();
        var id = iri[(iri.LastIndexOf('/') + 1)..];
        var etag = posted.Headers.ETag!.ToString();
        var rowsBefore = await CountAnnotationsAsync(room);

        foreach (var forger in new[] { room.StudentB, room.Teacher, room.Outsider })
        {
            await (await forger.GetAnnotationAsync(iri)).ProblemDetailAsync(HttpStatusCode.NotFound);
            var put = await forger.PutAnnotationAsync(iri, room.Comment("A spectre is haunting Europe", "Taken over.", "seminar"), etag);
            Assert.DoesNotContain(secret, await put.ProblemDetailAsync(HttpStatusCode.NotFound));
            await (await forger.PutAnnotationAsync(iri, room.Comment("A spectre is haunting Europe", "Taken over."), ifMatch: null)).ProblemDetailAsync(HttpStatusCode.NotFound);
            await (await forger.DeleteAnnotationAsync(iri)).ProblemDetailAsync(HttpStatusCode.NotFound);
            // As a reply target: the absolute IRI, a relative one, or the bare id.
            foreach (var target in new[] { iri, $"/api/annotations/{id}", id })
            {
                var reply = await forger.PostAnnotationAsync(room.DocumentId, AnnotationJson.Reply(target, "Answering what I cannot see."));
                await reply.ProblemDetailAsync(HttpStatusCode.NotFound);
            }
        }
        var feedback = AnnotationJson.Reply(iri, "Feedback on a note I cannot see.");
        feedback["motivation"] = "assessing";
        await (await room.Teacher.PostAnnotationAsync(room.DocumentId, feedback)).ProblemDetailAsync(HttpStatusCode.NotFound);

        Assert.Equal(rowsBefore, await CountAnnotationsAsync(room));
        var after = await (await room.StudentA.GetAnnotationAsync(iri)).JsonAsync();
        JsonAssert.Equal(hidden, after);
        Assert.Equal(etag, (await room.StudentA.GetAnnotationAsync(iri)).Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Hidden_ids_in_the_reading_pages_own_events_change_nothing_and_show_nothing()
    {
        var room = await app.CreateClassroomAsync();
        var secret = $"Private thought {Guid.NewGuid():N}";
        var hiddenIri = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", secret, "private"))).Iri();
        var hiddenId = Guid.Parse(hiddenIri[(hiddenIri.LastIndexOf('/') + 1)..]);
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "B's own question."));
        // B's second thread loses its passage in a new revision, so the page offers it for attaching.
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("Working men of all countries, unite!", "B's orphan-to-be."));

        await using var pages = new LiveReadingPages(app);
        var dialogs = pages.RenderDialogProvider();
        var snackbar = pages.Context.Services.GetRequiredService<ISnackbar>();
        var pageB = await pages.OpenAsync(room.StudentB, room.DocumentId);
        var revised = room.DocumentText.Replace(" Working men of all countries, unite!", "", StringComparison.Ordinal);
        var revise = await room.Teacher.Http.PutAsJsonAsync($"/api/documents/{room.DocumentId}", new { title = "The Manifesto", text = revised });
        await revise.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await pageB.Component.WaitForAssertionAsync(() => Assert.Contains("Orphaned (1)", pageB.Component.Markup), LiveReadingPages.Timeout);

        var before = await (await room.StudentA.GetAnnotationAsync(hiddenIri)).JsonAsync();
        var rowsBefore = await CountAnnotationsAsync(room);
        var page = pageB.Component;
        var card = page.FindComponents<ThreadCard>().Single(c => c.Instance.Thread.Root.Body == "B's own question.");
        var forged = card.Instance.Thread.Root with { Id = hiddenId };
        var forgedThread = card.Instance.Thread with { Root = forged };

        // Edit and reply answer with the sentence the card shows; nothing is stored.
        var editError = await page.InvokeAsync(() => card.Instance.Actions.Edit(forged, new AnnotationEditor.Submission("Taken over.", Visibility.Seminar)));
        Assert.Equal(NotThere, editError);
        var replyError = await page.InvokeAsync(() => card.Instance.Actions.Reply(forgedThread, "Answering what I cannot see."));
        Assert.Equal("The annotation you are replying to is not there any more.", replyError);

        // Delete asks first, then says it could not.
        var deleting = page.InvokeAsync(() => card.Instance.Actions.Delete(forged));
        await dialogs.WaitForAssertionAsync(() => Assert.Contains(dialogs.FindAll("button"), b => b.TextContent.Trim() == "Delete"), LiveReadingPages.Timeout);
        await dialogs.ClickAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete"));
        await deleting;
        Assert.Contains(snackbar.ShownSnackbars, s => s.Message == NotThere && s.Severity == Severity.Error);

        // Selecting and clicking a "mark" of a hidden thread (JS-invokable) reveal nothing.
        await page.InvokeAsync(() => card.Instance.Actions.Select.InvokeAsync(hiddenId));
        var article = page.FindComponent<ArticleView>();
        await page.InvokeAsync(() => article.Instance.OnMarkClicked(hiddenId.ToString()));

        // Attach: select a passage, then hand the orphan card a hidden thread. (The snackbar shows a message
        // once while it is up, so the earlier one goes first.)
        snackbar.Clear();
        await page.ClickAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Orphaned (1)"));
        var orphanCard = page.FindComponents<ThreadCard>().Single(c => c.Instance.Actions.Attach is not null);
        var at = revised.IndexOf("class struggles", StringComparison.Ordinal);
        await page.InvokeAsync(() => article.Instance.OnSelection(at, at + "class struggles".Length, 10, 10));
        var forgedOrphan = orphanCard.Instance.Thread with { Root = orphanCard.Instance.Thread.Root with { Id = hiddenId } };
        await page.InvokeAsync(() => orphanCard.Instance.Actions.Attach!(forgedOrphan));
        Assert.Equal([(NotThere, Severity.Error)], snackbar.ShownSnackbars.Select(s => (s.Message, s.Severity)));

        Assert.Equal(rowsBefore, await CountAnnotationsAsync(room));
        JsonAssert.Equal(before, await (await room.StudentA.GetAnnotationAsync(hiddenIri)).JsonAsync());
        Assert.False(pageB.EverShowed(secret), "B's page showed A's private note.");
        Assert.False(pageB.EverShowed(hiddenId.ToString()), "B's page showed the id of A's private note.");
        Assert.DoesNotContain(hiddenIri, await room.StudentB.VisibleAnnotationIrisAsync(room.DocumentId));
    }

    private Task<long> CountAnnotationsAsync(Classroom room) =>
        app.Database.CountAsync("SELECT COUNT(*) FROM Annotations WHERE DocumentId = $d", ("$d", room.DocumentId));
}
