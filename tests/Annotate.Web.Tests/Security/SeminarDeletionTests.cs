using System.Net;
using Annotate.Web.Tests.Infrastructure;
using Bunit;
using Annotate.Web.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Web.Tests.Security;

/// <summary>A teacher deletes a seminar: all of it goes, and open pages and hub connections know at once.</summary>
public sealed class SeminarDeletionTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task Only_a_teacher_deletes_a_seminar_students_are_refused_and_others_find_nothing()
    {
        var room = await app.CreateClassroomAsync();

        await (await room.Outsider.Http.DeleteAsync($"/api/seminars/{room.SeminarId}")).ProblemDetailAsync(HttpStatusCode.NotFound);
        Assert.Contains("teachers", await (await room.StudentA.Http.DeleteAsync($"/api/seminars/{room.SeminarId}")).ProblemDetailAsync(HttpStatusCode.Forbidden));
        await (await room.StudentA.Http.GetAsync($"/api/documents/{room.DocumentId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await (await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await (await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}")).ProblemDetailAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await room.StudentA.Http.GetAsync("/api/seminars")).JsonAsync()).EnumerateArray());
        await (await room.StudentA.Http.GetAsync($"/api/documents/{room.DocumentId}")).ProblemDetailAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    [EngineSpecific]
    public async Task Its_documents_annotations_groups_and_memberships_go_with_it()
    {
        var (room, _, _, _) = await app.CreateGroupedClassroomAsync();
        var thread = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Gone soon."))).Iri();
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread, "Me too."));

        await (await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        foreach (var table in new[] { "Documents", "Groups", "Memberships" })
            Assert.Equal(0, await app.Database.CountAsync($"SELECT COUNT(*) FROM {table} WHERE SeminarId = $id", ("$id", room.SeminarId)));
        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM Annotations WHERE DocumentId = $id", ("$id", room.DocumentId)));
        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM DocumentRevisions WHERE DocumentId = $id", ("$id", room.DocumentId)));
    }

    [Fact]
    public async Task Open_pages_say_not_found_and_hub_readers_are_dropped_at_once()
    {
        var room = await app.CreateClassroomAsync();
        await using var pages = new LiveReadingPages(app);
        var page = await pages.OpenAsync(room.StudentA, room.DocumentId);
        var hub = await app.ConnectHubAsync(room.StudentA);
        await hub.JoinAsync(room.DocumentId);

        await (await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await page.Component.WaitForAssertionAsync(() => Assert.True(page.IsNotFound), LiveReadingPages.Timeout);
        var readers = app.Services.GetRequiredService<HubReaders>();
        // The relay drops hub readers from its own queue, not in a render of the page, so a render-driven wait
        // asked once (before the relay got there) and never again: poll instead.
        var deadline = DateTime.UtcNow + LiveReadingPages.Timeout;
        while (readers.Of(room.DocumentId).Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Empty(readers.Of(room.DocumentId));
        await Assert.ThrowsAsync<HubException>(() => hub.JoinAsync(room.DocumentId));
    }
}
