using System.Net;
using System.Net.Http.Json;
using Annotate.Shared.Anchoring;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Web.Tests.Search;

/// <summary>
/// The search index stays in step with every way annotations are written (issue 14): create, reply, edit, delete,
/// import, re-anchoring on a new revision, attaching an orphan, account deletion and seminar deletion, a thread's change
/// of visibility, group moves and "post first". Each test searches for the words before and after, and checks that the
/// index holds one entry per annotation and no other, and on SQLite that each entry's audience (thread author,
/// addressee, scope) is its annotation's and its thread's now.
/// </summary>
[EngineSpecific]
public sealed class SearchIndexTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const string Spectre = "A spectre is haunting Europe";
    private const string Chains = "The proletarians have nothing to lose but their chains.";

    [Fact]
    public async Task A_new_thread_and_reply_are_found_by_their_words()
    {
        var room = await app.CreateClassroomAsync();
        var thread = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment(Spectre, "gothic opening"));
        var reply = await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread.Iri(), "rather a ghostly one"));

        Assert.Equal([thread.Iri()], await room.StudentB.FoundAsync(room.SeminarId, "gothic"));
        Assert.Equal([reply.Iri()], await room.StudentA.FoundAsync(room.SeminarId, "ghostly"));
        Assert.Equal([thread.Iri()], await room.StudentA.FoundAsync(room.SeminarId, "quote:haunting"));
        await AssertIndexMatchesAnnotationsAsync();
    }

    [Fact]
    public async Task An_edit_replaces_the_words_and_the_quote()
    {
        var room = await app.CreateClassroomAsync();
        var posted = await room.StudentA.PostAnnotationAsync(room.DocumentId, room.Comment(Spectre, "first thoughts"));
        var iri = (await posted.JsonAsync(HttpStatusCode.Created)).Iri();

        await (await room.StudentA.PutAnnotationAsync(iri, room.Comment(Chains, "second thoughts"), posted.Headers.ETag!.ToString()))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        Assert.Empty(await room.StudentA.FoundAsync(room.SeminarId, "first"));
        Assert.Empty(await room.StudentA.FoundAsync(room.SeminarId, "quote:spectre"));
        Assert.Equal([iri], await room.StudentA.FoundAsync(room.SeminarId, "second"));
        Assert.Equal([iri], await room.StudentA.FoundAsync(room.SeminarId, "quote:chains"));
        await AssertIndexMatchesAnnotationsAsync();
    }

    [Fact]
    public async Task A_thread_narrowed_and_widened_again_takes_its_replies_with_it()
    {
        var (room, c, _, _) = await app.CreateGroupedClassroomAsync();
        var posted = await room.StudentA.PostAnnotationAsync(room.DocumentId, room.Comment(Spectre, "widening thread"));
        var thread = (await posted.JsonAsync(HttpStatusCode.Created)).Iri();
        var reply = await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread, "widening reply"));
        Assert.Equal(2, (await c.SearchAsync(room.SeminarId, "widening")).GetProperty("total").GetInt32());

        var narrowed = await room.StudentA.PutAnnotationAsync(thread, room.Comment(Spectre, "widening thread", "group"), posted.Headers.ETag!.ToString());
        await narrowed.ShouldHaveStatusAsync(HttpStatusCode.OK);

        // Another group's student finds neither the thread nor the reply, counted or shown; the group finds both.
        var other = await c.SearchAsync(room.SeminarId, "widening");
        Assert.Equal(0, other.GetProperty("total").GetInt32());
        Assert.Empty(other.GetProperty("items").EnumerateArray());
        Assert.Equal([reply.Iri(), thread], await room.StudentB.FoundAsync(room.SeminarId, "widening"));
        await AssertIndexMatchesAnnotationsAsync();

        await (await room.StudentA.PutAnnotationAsync(thread, room.Comment(Spectre, "widening thread"), narrowed.Headers.ETag!.ToString()))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        Assert.Equal([reply.Iri(), thread], await c.FoundAsync(room.SeminarId, "widening"));
        await AssertIndexMatchesAnnotationsAsync();
    }

    [Fact]
    public async Task Group_moves_and_post_first_change_who_finds_a_thread_and_its_count()
    {
        var (room, c, one, _) = await app.CreateGroupedClassroomAsync();
        var group = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment(Spectre, "movable group talk", "group"));
        var shared = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment(Chains, "movable seminar talk"));
        Assert.Equal([shared.Iri()], await c.FoundAsync(room.SeminarId, "movable"));

        await room.PutInGroupAsync(one, c);

        Assert.Equal([shared.Iri(), group.Iri()], await c.FoundAsync(room.SeminarId, "movable"));
        await AssertIndexMatchesAnnotationsAsync();

        // Post first: what every member may see is held back from who has not posted there yet, in the count too.
        await app.SetPostFirstAsync(room.DocumentId);
        var held = await c.SearchAsync(room.SeminarId, "movable");
        Assert.Equal(0, held.GetProperty("total").GetInt32());
        Assert.Empty(held.GetProperty("items").EnumerateArray());
        await app.SetPostFirstAsync(room.DocumentId, false);
        Assert.Equal(2, (await c.SearchAsync(room.SeminarId, "movable")).GetProperty("total").GetInt32());
        await AssertIndexMatchesAnnotationsAsync();
    }

    [Fact]
    public async Task A_deleted_thread_takes_its_replies_words_with_it()
    {
        var room = await app.CreateClassroomAsync();
        var thread = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment(Spectre, "doomed thread"));
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread.Iri(), "doomed reply"));
        var reply = await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread.Iri(), "lonely reply"));
        await (await room.StudentB.DeleteAnnotationAsync(reply.Iri())).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        Assert.Empty(await room.StudentA.FoundAsync(room.SeminarId, "lonely"));

        await (await room.StudentA.DeleteAnnotationAsync(thread.Iri())).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        Assert.Empty(await room.StudentA.FoundAsync(room.SeminarId, "doomed"));
        Assert.Equal(0, (await room.Teacher.SearchAsync(room.SeminarId, "doomed")).GetProperty("total").GetInt32());
        await AssertIndexMatchesAnnotationsAsync();
    }

    [Fact]
    public async Task Imported_annotations_are_found()
    {
        var room = await app.CreateClassroomAsync();
        var file = ImportJson.Collection(
            ImportJson.W3c("https://texts.example.org/a/1", room.DocumentText, Spectre, "imported *zeitgeist* note"),
            ImportJson.W3cReply("https://texts.example.org/a/2", "https://texts.example.org/a/1", "imported zeitgeist reply"));

        var report = await room.Teacher.ImportAsync(room.DocumentId, file);

        Assert.Equal(report.ImportedIris().Order(), (await room.StudentA.FoundAsync(room.SeminarId, "zeitgeist")).Order());
        await AssertIndexMatchesAnnotationsAsync();
    }

    [Fact]
    public async Task A_revision_moves_the_quote_searched_to_the_words_now_there()
    {
        var room = await app.CreateClassroomAsync();
        var edited = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment(Spectre, "on the spectre"));
        var orphan = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment(Chains, "on the chains"));
        var revised = room.DocumentText.Replace(Spectre, "A spectre is haunting all Europe").Replace(Chains + " ", "");

        await (await room.Teacher.Http.PutAsJsonAsync($"/api/documents/{room.DocumentId}", new { text = revised })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await room.WaitForAnchoringAsync();

        Assert.Equal([edited.Iri()], await room.StudentA.FoundAsync(room.SeminarId, "quote:\"haunting all Europe\""));
        Assert.Empty(await room.StudentA.FoundAsync(room.SeminarId, "quote:\"haunting Europe\""));
        // An orphan keeps the words it was written on, as readers see it.
        Assert.Equal([orphan.Iri()], await room.StudentA.FoundAsync(room.SeminarId, "quote:chains"));
        await AssertIndexMatchesAnnotationsAsync();
    }

    [Fact]
    public async Task An_orphan_attached_to_new_words_is_found_by_them()
    {
        var room = await app.CreateClassroomAsync();
        var posted = await room.StudentA.PostAnnotationAsync(room.DocumentId, room.Comment(Chains, "about the chains"));
        var iri = (await posted.JsonAsync(HttpStatusCode.Created)).Iri();
        var revised = room.DocumentText.Replace(Chains, "The workers have nothing to lose but their fetters.");
        await room.Teacher.Http.PutAsJsonAsync($"/api/documents/{room.DocumentId}", new { text = revised });
        await room.WaitForAnchoringAsync();

        var reattach = AnnotationJson.Comment(room.DocumentIri, revised, "nothing to lose but their fetters", "about the chains");
        await (await room.StudentA.PutAnnotationAsync(iri, reattach, posted.Headers.ETag!.ToString())).ShouldHaveStatusAsync(HttpStatusCode.OK);

        Assert.Equal([iri], await room.StudentA.FoundAsync(room.SeminarId, "quote:fetters"));
        Assert.Empty(await room.StudentA.FoundAsync(room.SeminarId, "quote:chains"));
        await AssertIndexMatchesAnnotationsAsync();
    }

    [Fact]
    public async Task An_orphan_attached_from_the_reading_page_is_found_by_its_new_quote()
    {
        var room = await app.CreateClassroomAsync();
        var iri = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment(Chains, "about the chains"))).Iri();
        var revised = room.DocumentText.Replace(Chains, "The workers have nothing to lose but their fetters.");
        await room.Teacher.Http.PutAsJsonAsync($"/api/documents/{room.DocumentId}", new { text = revised });
        await room.WaitForAnchoringAsync();

        // The reading page's Attach action (AnnotationService.ReattachAsync), which also drops the anchors it replaces.
        var at = revised.IndexOf("their fetters", StringComparison.Ordinal);
        var (quote, position) = TextAnchor.Describe(revised, new TextSpan(at, at + "their fetters".Length));
        var attached = await app.Services.GetRequiredService<AnnotationService>().ReattachAsync(room.StudentA.Id, Guid.Parse(iri.Split('/')[^1]), quote, position);

        Assert.NotNull(attached.Value);
        Assert.Equal([iri], await room.StudentA.FoundAsync(room.SeminarId, "quote:\"their fetters\""));
        Assert.Empty(await room.StudentA.FoundAsync(room.SeminarId, "quote:chains"));
        await AssertIndexMatchesAnnotationsAsync();
    }

    [Fact]
    public async Task A_deleted_account_leaves_none_of_its_words_to_find()
    {
        var room = await app.CreateClassroomAsync();
        var kept = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment(Spectre, "departing words kept for the replies"));
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(kept.Iri(), "a reply that stays"));
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment(Chains, "departing words alone"));

        await room.StudentA.DeleteAccountOkAsync();

        Assert.Empty(await room.StudentB.FoundAsync(room.SeminarId, "departing"));
        Assert.Equal(0, (await room.Teacher.SearchAsync(room.SeminarId, "departing")).GetProperty("total").GetInt32());
        Assert.Single(await room.StudentB.FoundAsync(room.SeminarId, "stays"));
        // The thread stays on its passage, without its words.
        Assert.Equal([kept.Iri()], await room.StudentB.FoundAsync(room.SeminarId, "quote:spectre"));
        await AssertIndexMatchesAnnotationsAsync();
    }

    [Fact]
    public async Task A_deleted_accounts_group_thread_stays_found_by_its_group_and_by_nobody_else()
    {
        var (room, c, _, _) = await app.CreateGroupedClassroomAsync();
        var thread = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment(Spectre, "grouped words", "group"));
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread.Iri(), "a grouped reply that stays"));

        await room.StudentA.DeleteAccountOkAsync();

        // The thread keeps the group its author was in, so the group-mate's reply stays theirs to find; the other group's student finds nothing.
        Assert.Single(await room.StudentB.FoundAsync(room.SeminarId, "grouped"));
        Assert.Equal(0, (await c.SearchAsync(room.SeminarId, "grouped")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await room.Teacher.SearchAsync(room.SeminarId, "grouped")).GetProperty("total").GetInt32());
        await AssertIndexMatchesAnnotationsAsync();
    }

    [Fact]
    public async Task A_deleted_seminar_leaves_nothing_in_the_index()
    {
        var room = await app.CreateClassroomAsync();
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment(Spectre, "a seminar about to go"));
        var before = await IndexEntriesAsync();

        await (await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        Assert.Equal(before - 1, await IndexEntriesAsync());
        await AssertIndexMatchesAnnotationsAsync();
    }

    [Fact]
    public async Task Annotations_written_before_search_are_indexed_as_words_after_the_next_start()
    {
        using var database = new TestDatabase();
        Classroom room;
        await using (var before = AnnotateApp.On(database))
        {
            room = await before.CreateClassroomAsync();
            await room.StudentA.CreateAnnotationAsync(room.DocumentId,
                room.Comment(Spectre, "**Gothic** [novels](https://example.org/otranto)", tags: ["Genre"]));
        }
        // As a database migrated from before search holds them: no words worked out yet, the index holding the raw Markdown.
        await database.ExecuteAsync(TestDatabase.OnPostgres
            ? "UPDATE \"Annotations\" SET \"SearchText\" = NULL, \"SearchTags\" = NULL"
            : "UPDATE Annotations SET SearchText = NULL, SearchTags = NULL");

        await using var after = AnnotateApp.On(database);
        var student = await after.LoginAsync(room.StudentB.Email);

        Assert.Single(await student.FoundAsync(room.SeminarId, "gothic novels tag:genre"));
        Assert.Empty(await student.FoundAsync(room.SeminarId, "otranto"));
        Assert.Equal(0, await database.CountAsync("SELECT COUNT(*) FROM Annotations WHERE SearchText IS NULL OR SearchTags IS NULL"));
    }

    private Task<long> IndexEntriesAsync() => app.Database.CountAsync("SELECT COUNT(*) FROM AnnotationSearch");

    /// <summary>One index entry per annotation, each for an annotation that exists.</summary>
    private async Task AssertIndexMatchesAnnotationsAsync()
    {
        var annotations = await app.Database.CountAsync("SELECT COUNT(*) FROM Annotations");
        Assert.Equal(annotations, await IndexEntriesAsync());
        if (TestDatabase.OnPostgres)
            Assert.Equal(annotations, await app.Database.CountAsync("SELECT COUNT(*) FROM AnnotationSearch s JOIN Annotations a ON a.Id = s.AnnotationId"));
        else
        {
            Assert.Equal(annotations, await app.Database.CountAsync(
                "SELECT COUNT(*) FROM AnnotationSearch s JOIN AnnotationSearchRows r ON r.Key = s.rowid JOIN Annotations a ON a.Id = r.AnnotationId"));
            // Each row's document, time and audience (SearchAudienceFacts) are its annotation's and its thread's as they are now.
            Assert.Equal(0, await app.Database.CountAsync("""
                SELECT COUNT(*) FROM AnnotationSearchRows r JOIN Annotations a ON a.Id = r.AnnotationId
                LEFT JOIN Annotations t ON t.Id = COALESCE(a.ThreadId, a.Id)
                WHERE r.DocumentId <> a.DocumentId OR r.Created <> a.Created OR r.AddresseeId IS NOT a.AddresseeId
                   OR r.ThreadAuthorId IS NOT t.AuthorId OR r.ThreadFormerGroupId IS NOT (CASE WHEN t.AuthorId IS NULL THEN t.FormerAuthorGroupId END)
                   OR r.Scope <> (CASE WHEN t.Id IS NULL THEN 0 ELSE min(
                        CASE a.Visibility WHEN 'Seminar' THEN 3 WHEN 'Group' THEN 2 WHEN 'Teachers' THEN 1 ELSE 0 END,
                        CASE t.Visibility WHEN 'Seminar' THEN 3 WHEN 'Group' THEN 2 WHEN 'Teachers' THEN 1 ELSE 0 END) END)
                """));
        }
    }
}
