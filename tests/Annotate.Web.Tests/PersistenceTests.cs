using System.Text.Json;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests;

/// <summary>Everything lives in the database file: an app started again on the same file finds it all.</summary>
[EngineSpecific]
public sealed class PersistenceTests
{
    [Fact]
    public async Task Accounts_seminars_documents_and_annotations_survive_a_restart_on_the_same_file()
    {
        using var database = new TestDatabase();
        var (room, thread, reply) = await WriteAThreadAndStopAsync(database);

        await using var restarted = AnnotateApp.On(database);
        var studentB = await restarted.LoginAsync(room.StudentB.Email);

        Assert.Equal(room.StudentB.Id, studentB.Id);
        var document = await (await studentB.Http.GetAsync($"/api/documents/{room.DocumentId}")).JsonAsync();
        Assert.Equal(room.DocumentText, document.GetProperty("text").GetString());
        var seminar = Assert.Single((await (await studentB.Http.GetAsync("/api/seminars")).JsonAsync()).EnumerateArray());
        Assert.Equal(room.SeminarId, seminar.GetProperty("id").GetInt32());
        Assert.Equal("student", seminar.GetProperty("role").GetString());
        Assert.Equal([thread.Iri(), reply.Iri()], await studentB.VisibleAnnotationIrisAsync(room.DocumentId));
        JsonAssert.Equal(thread, await (await studentB.GetAnnotationAsync(thread.Iri())).JsonAsync());
        JsonAssert.Equal(reply, await (await studentB.GetAnnotationAsync(reply.Iri())).JsonAsync());
    }

    /// <summary>A classroom with a thread and a reply, written by an app that is then disposed.</summary>
    private static async Task<(Classroom Room, JsonElement Thread, JsonElement Reply)> WriteAThreadAndStopAsync(TestDatabase database)
    {
        await using var app = AnnotateApp.On(database);
        var room = await app.CreateClassroomAsync();
        var thread = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", "Which spectre?", "seminar", "question"));
        var reply = await room.Teacher.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread.Iri(), "Read on."));
        return (room, thread, reply);
    }
}
