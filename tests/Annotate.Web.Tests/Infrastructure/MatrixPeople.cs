using System.Net;
using System.Net.Http.Json;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// The people of the visibility matrix in a seminar of their own (<see cref="MatrixViewer"/>): a teacher, A and S in
/// group one, O in group two, an outsider with an account; and one document, the Manifesto.
/// </summary>
public static class MatrixPeople
{
    /// <summary>Registers them (names start with <paramref name="prefix"/>), makes the seminar, its groups and its document.</summary>
    public static async Task<(int SeminarId, int DocumentId)> CreateAsync(AnnotateApp app, string prefix, Dictionary<MatrixViewer, ApiUser> people)
    {
        var teacher = await app.RegisterAsync($"{prefix}.teacher");
        var (seminarId, joinCode) = await app.CreateSeminarAsync(teacher, $"{prefix} seminar");
        people[MatrixViewer.Teacher] = teacher;
        foreach (var (viewer, name) in new[] { (MatrixViewer.Author, "a"), (MatrixViewer.SameGroup, "s"), (MatrixViewer.OtherGroup, "o") })
        {
            people[viewer] = await app.RegisterAsync($"{prefix}.{name}");
            await app.JoinAsync(people[viewer], joinCode);
        }
        people[MatrixViewer.NonMember] = await app.RegisterAsync($"{prefix}.outsider");
        var groupOne = await CreateGroupAsync(teacher, seminarId, "Group one");
        var groupTwo = await CreateGroupAsync(teacher, seminarId, "Group two");
        await PutInGroupAsync(teacher, seminarId, groupOne, people[MatrixViewer.Author]);
        await PutInGroupAsync(teacher, seminarId, groupOne, people[MatrixViewer.SameGroup]);
        await PutInGroupAsync(teacher, seminarId, groupTwo, people[MatrixViewer.OtherGroup]);
        return (seminarId, await app.AddDocumentAsync(teacher, seminarId, "The Manifesto", SampleTexts.Manifesto));
    }

    private static async Task<int> CreateGroupAsync(ApiUser teacher, int seminarId, string name)
    {
        var response = await teacher.Http.PostAsJsonAsync($"/api/seminars/{seminarId}/groups", new { name });
        return (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
    }

    private static async Task PutInGroupAsync(ApiUser teacher, int seminarId, int groupId, ApiUser student) =>
        await (await teacher.Http.PutAsync($"/api/seminars/{seminarId}/groups/{groupId}/members/{student.Id}", null))
            .ShouldHaveStatusAsync(HttpStatusCode.NoContent);
}
