using System.Net;
using System.Net.Http.Json;
using Annotate.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>Groups, one more student, and the document settings a test needs around a <see cref="Classroom"/>.</summary>
public static class SeminarCalls
{
    public static async Task<int> CreateGroupAsync(this Classroom room, string name)
    {
        var response = await room.Teacher.Http.PostAsJsonAsync($"/api/seminars/{room.SeminarId}/groups", new { name });
        return (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
    }

    /// <summary>Puts (or moves) a student into a group, as the teacher.</summary>
    public static async Task PutInGroupAsync(this Classroom room, int groupId, ApiUser student) =>
        await (await room.Teacher.Http.PutAsync($"/api/seminars/{room.SeminarId}/groups/{groupId}/members/{student.Id}", null))
            .ShouldHaveStatusAsync(HttpStatusCode.NoContent);

    /// <summary>The seminar's current join code, as its teacher sees it in their seminar list.</summary>
    public static async Task<string> JoinCodeAsync(this Classroom room)
    {
        var seminars = await (await room.Teacher.Http.GetAsync("/api/seminars")).JsonAsync();
        return seminars.EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == room.SeminarId).GetProperty("joinCode").GetString()!;
    }

    /// <summary>A third student, joined with the join code the teacher sees in their seminar list.</summary>
    public static async Task<ApiUser> AddStudentAsync(this AnnotateApp app, Classroom room, string name)
    {
        var joinCode = await room.JoinCodeAsync();
        var student = await app.RegisterAsync(name);
        await app.JoinAsync(student, joinCode);
        return student;
    }

    /// <summary>
    /// Turns "post first" on for a document. There is no API for it yet, so this writes the column through
    /// the app's own DbContext factory; switch to the API when it exists.
    /// </summary>
    public static async Task SetPostFirstAsync(this AnnotateApp app, int documentId, bool postFirst = true)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AnnotateDb>>().CreateDbContextAsync();
        var changed = await db.Documents.Where(d => d.Id == documentId).ExecuteUpdateAsync(set => set.SetProperty(d => d.PostFirst, postFirst));
        Assert.Equal(1, changed);
    }

    /// <summary>A classroom whose students A and B are in "Group one" and a third student C in "Group two".</summary>
    public static async Task<(Classroom Room, ApiUser C, int GroupOne, int GroupTwo)> CreateGroupedClassroomAsync(this AnnotateApp app)
    {
        var room = await app.CreateClassroomAsync();
        var c = await app.AddStudentAsync(room, "student.c");
        var one = await room.CreateGroupAsync("Group one");
        var two = await room.CreateGroupAsync("Group two");
        await room.PutInGroupAsync(one, room.StudentA);
        await room.PutInGroupAsync(one, room.StudentB);
        await room.PutInGroupAsync(two, c);
        return (room, c, one, two);
    }
}
