using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests;

/// <summary>
/// Moving a student to another group takes effect at once on what is already open: their hub connection
/// and their reading page stop getting the old group's annotations and start getting the new group's.
/// </summary>
public sealed class GroupMoveLiveTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task A_moved_student_gets_the_new_groups_annotations_and_no_more_of_the_old_ones_live()
    {
        var (room, c, _, two) = await app.CreateGroupedClassroomAsync();
        var b = room.StudentB;
        var hubB = await app.ConnectHubAsync(b);
        await hubB.JoinAsync(room.DocumentId);
        await using var pages = new LiveReadingPages(app);
        var pageB = await pages.OpenAsync(b, room.DocumentId);

        var oldGroupBefore = await PostGroupNoteAsync(room, room.StudentA, "class struggles", "group one, before");
        var newGroupBefore = await PostGroupNoteAsync(room, c, "Pope and Tsar", "group two, before");
        await hubB.WaitForAsync(HubListener.Created, oldGroupBefore.Iri);
        await pageB.WaitUntilShownAsync(oldGroupBefore.Text);
        Assert.False(pageB.Shows(newGroupBefore.Text));

        await room.PutInGroupAsync(two, b);

        // The open page asks again at once: the old group's note goes, the new group's earlier note comes.
        await pageB.WaitUntilGoneAsync(oldGroupBefore.Text);
        await pageB.WaitUntilShownAsync(newGroupBefore.Text);

        var oldGroupAfter = await PostGroupNoteAsync(room, room.StudentA, "A spectre is haunting Europe", "group one, after");
        var newGroupAfter = await PostGroupNoteAsync(room, c, "Metternich and Guizot", "group two, after");
        // Sent after the old group's note on the same connection: had that been sent to B, it would be here first.
        await hubB.WaitForAsync(HubListener.Created, newGroupAfter.Iri);
        Assert.DoesNotContain(hubB.Received, e => e.AnnotationIri == oldGroupAfter.Iri || e.AnnotationIri == newGroupBefore.Iri);
        await pageB.WaitUntilShownAsync(newGroupAfter.Text);
        Assert.False(pageB.EverShowed(oldGroupAfter.Text), "B's page showed group one's note after B moved.");
        Assert.False(pageB.Shows(oldGroupBefore.Text));

        Assert.Equal(new[] { newGroupBefore.Iri, newGroupAfter.Iri }.Order(), (await b.VisibleAnnotationIrisAsync(room.DocumentId)).Order());
        // And group one goes on without B.
        Assert.Equal(new[] { oldGroupBefore.Iri, oldGroupAfter.Iri }.Order(), (await room.StudentA.VisibleAnnotationIrisAsync(room.DocumentId)).Order());
    }

    private sealed record Posted(string Iri, string Text);

    private static async Task<Posted> PostGroupNoteAsync(Classroom room, ApiUser author, string passage, string what)
    {
        var text = $"{what} {Guid.NewGuid():N}";
        var created = await author.CreateAnnotationAsync(room.DocumentId, room.Comment(passage, text, "group"));
        return new Posted(created.Iri(), text);
    }
}
