using Annotate.Web.Features;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Annotate.Shared.Anchoring;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Annotate.Web.Tests.Infrastructure.ImportJson;

namespace Annotate.Web.Tests;

/// <summary>
/// An imported annotation whose passage is not in this text is kept as an orphan, with its replies: stored with
/// the quote it came with, orphaned on every read path, visible as the importer chose, attachable, counted in the
/// report, never imported twice, and placed by a later revision of the text that has its words.
/// </summary>
public sealed class ImportOrphanTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const string Text = SampleTexts.Manifesto;
    private const string Chains = "nothing to lose but their chains";
    private const string Opium = "Religion is the opium of the people";

    private static readonly JsonArray File = new(
        W3cQuote("urn:x:gone", Opium, 10, "From another book.", prefix: "Marx wrote that ", suffix: " and more"),
        W3cReply("urn:x:gone-reply", "urn:x:gone", "Wrong book."),
        W3c("urn:x:here", Text, Chains, "Here."));

    private Task<long> CountAsync(int documentId) =>
        app.Database.CountAsync("SELECT COUNT(*) FROM Annotations WHERE DocumentId = $id", ("$id", documentId));

    [Fact]
    public async Task An_orphan_is_kept_with_its_replies_and_shown_as_orphaned_with_its_original_quote_everywhere()
    {
        var room = await app.CreateClassroomAsync();
        var listener = await app.ConnectHubAsync(room.StudentB);
        await listener.JoinAsync(room.DocumentId);

        var report = await room.StudentA.ImportAsync(room.DocumentId, File);

        Assert.Equal("placed 1, fuzzy 0, orphaned 2, skipped 0, rejected 0", report.Counts());
        Assert.Equal(3, await CountAsync(room.DocumentId));
        var orphans = report.GetProperty("orphans").EnumerateArray().ToList();
        Assert.Equal([0, 1], orphans.Select(o => o.GetProperty("index").GetInt32()));
        Assert.Equal(["urn:x:gone", "urn:x:gone-reply"], orphans.Select(o => o.GetProperty("id").GetString()));
        Assert.Contains("not in this text", orphans[0].GetProperty("reason").GetString());
        Assert.Contains("kept with it under Orphaned", orphans[1].GetProperty("reason").GetString());
        var (threadIri, replyIri) = (orphans[0].GetProperty("annotation").GetString()!, orphans[1].GetProperty("annotation").GetString()!);
        Assert.Equal([threadIri, replyIri], report.ImportedIris().Where(i => i == threadIri || i == replyIri));

        // The API: an orphan with the quote it came with (context cut to 32 code points) and no position.
        var thread = await (await room.StudentB.GetAnnotationAsync(threadIri)).JsonAsync();
        Assert.True(thread.GetProperty("orphan").GetBoolean());
        var selector = Assert.Single(thread.GetProperty("target").GetProperty("selector").EnumerateArray());
        Assert.Equal(("TextQuoteSelector", Opium, "Marx wrote that ", " and more"), (selector.GetProperty("type").GetString(),
            selector.GetProperty("exact").GetString(), selector.GetProperty("prefix").GetString(), selector.GetProperty("suffix").GetString()));
        var reply = await (await room.StudentB.GetAnnotationAsync(replyIri)).JsonAsync();
        Assert.Equal(threadIri, reply.GetProperty("target").GetString());
        var placed = (await room.StudentB.GetCollectionAsync(room.DocumentId)).ItemsById().Values.Single(i => i.CommentText() == "Here.");
        Assert.False(placed.GetProperty("orphan").GetBoolean());

        // The hub: as the API shows it.
        var created = await listener.WaitForAsync(HubListener.Created, threadIri);
        Assert.True(created.Payload.GetProperty("orphan").GetBoolean());

        // The exports: among the orphaned threads, with their quote.
        var exported = (await room.StudentB.ExportItemsAsync(room.DocumentId)).Single(i => i.Iri() == threadIri);
        Assert.True(exported.GetProperty("orphan").GetBoolean());
        var markdown = await room.StudentB.ExportTextAsync(room.DocumentId, "format=markdown");
        var orphanSection = markdown[markdown.IndexOf("## Orphaned threads", StringComparison.Ordinal)..];
        Assert.Contains(Opium, orphanSection);
        Assert.Contains("Wrong book.", orphanSection);

        // Importing the file again adds nothing.
        var again = await room.StudentA.ImportAsync(room.DocumentId, File);
        Assert.Equal("placed 0, fuzzy 0, orphaned 0, skipped 3, rejected 0", again.Counts());
        Assert.Equal(3, await CountAsync(room.DocumentId));

        // A reply in a later file joins the orphan and is counted with it.
        var later = await room.StudentA.ImportAsync(room.DocumentId, new JsonArray(W3cReply("urn:x:later", "urn:x:gone", "Still the wrong book.")));
        Assert.Equal("placed 0, fuzzy 0, orphaned 1, skipped 0, rejected 0", later.Counts());
    }

    [Fact]
    public async Task A_privately_imported_orphan_is_seen_and_attached_by_its_importer_alone()
    {
        var room = await app.CreateClassroomAsync();
        var report = await room.StudentA.ImportAsync(room.DocumentId, File, visibility: "private");
        var orphanIri = report.GetProperty("orphans")[0].GetProperty("annotation").GetString()!;

        Assert.DoesNotContain(orphanIri, await room.StudentB.VisibleAnnotationIrisAsync(room.DocumentId));
        Assert.DoesNotContain(orphanIri, await room.Teacher.VisibleAnnotationIrisAsync(room.DocumentId));
        await (await room.Teacher.GetAnnotationAsync(orphanIri)).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        var teacherAttach = await AttachAsync(room.Teacher, orphanIri, room.DocumentText, Chains);
        Assert.Equal(Failure.NotFound, teacherAttach.Problem?.Failure);

        var attached = await AttachAsync(room.StudentA, orphanIri, room.DocumentText, Chains);

        Assert.NotNull(attached.Value);
        var now = await (await room.StudentA.GetAnnotationAsync(orphanIri)).JsonAsync();
        Assert.False(now.GetProperty("orphan").GetBoolean());
        Assert.Equal(Chains, now.Exact());
        Assert.Equal(AnnotationJson.CodePoints(Text[..Text.IndexOf(Chains, StringComparison.Ordinal)]), now.Position().Start);
    }

    [Fact]
    public async Task An_orphan_imported_for_the_seminar_is_seen_by_all_and_attached_by_its_importer_or_a_teacher()
    {
        var room = await app.CreateClassroomAsync();
        var report = await room.StudentA.ImportAsync(room.DocumentId, File);
        var orphanIri = report.GetProperty("orphans")[0].GetProperty("annotation").GetString()!;
        Assert.Contains(orphanIri, await room.StudentB.VisibleAnnotationIrisAsync(room.DocumentId));

        var byClassmate = await AttachAsync(room.StudentB, orphanIri, room.DocumentText, Chains);
        var byTeacher = await AttachAsync(room.Teacher, orphanIri, room.DocumentText, Chains);
        var again = await AttachAsync(room.Teacher, orphanIri, room.DocumentText, Chains);

        Assert.Equal(Failure.Forbidden, byClassmate.Problem?.Failure);
        Assert.False(byTeacher.Value!.Orphan);
        // Attached is placed: only an orphan can be attached.
        Assert.Equal(Failure.Invalid, again.Problem?.Failure);
    }

    [Fact]
    public async Task An_imported_orphan_finds_its_words_when_a_revision_of_the_text_has_them()
    {
        var room = await app.CreateClassroomAsync();
        var report = await room.StudentA.ImportAsync(room.DocumentId, File);
        var orphanIri = report.GetProperty("orphans")[0].GetProperty("annotation").GetString()!;
        var revised = room.DocumentText + "\n\nMarx wrote that " + Opium + " and more.";

        await (await room.Teacher.Http.PutAsJsonAsync($"/api/documents/{room.DocumentId}", new { text = revised })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await room.WaitForAnchoringAsync();

        var now = await (await room.StudentB.GetAnnotationAsync(orphanIri)).JsonAsync();
        Assert.False(now.GetProperty("orphan").GetBoolean());
        Assert.Equal(Opium, now.Exact());
        Assert.Equal(AnnotationJson.CodePoints(revised[..revised.IndexOf(Opium, StringComparison.Ordinal)]), now.Position().Start);
        // Stored, not only worked out when read: the worker placed it.
        Assert.Equal(1, await app.Database.CountAsync(
            "SELECT COUNT(*) FROM AnnotationAnchors WHERE AnnotationId = $id AND Revision = 2 AND State = 'Exact' AND Start IS NOT NULL",
            ("$id", orphanIri.Split('/')[^1].ToUpperInvariant())));
    }

    /// <summary>Attach to a new selection, as the reading page's Attach action does.</summary>
    private Task<ServiceResult<AnnotationView>> AttachAsync(ApiUser user, string annotationIri, string text, string exact)
    {
        var (quote, position) = TextAnchor.Describe(text, new TextSpan(text.IndexOf(exact, StringComparison.Ordinal), text.IndexOf(exact, StringComparison.Ordinal) + exact.Length));
        return app.Services.GetRequiredService<AnnotationService>().ReattachAsync(user.Id, Guid.Parse(annotationIri.Split('/')[^1]), quote, position);
    }
}
