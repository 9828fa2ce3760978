namespace Annotate.Web.Tests.Infrastructure;

/// <summary>Waiting for the background re-anchoring after a revision, as the revision list reports it.</summary>
public static class RevisionCalls
{
    /// <summary>Returns once every revision of the classroom's document is anchored; fails after about ten seconds.</summary>
    public static async Task WaitForAnchoringAsync(this Classroom room)
    {
        // The background worker finishes in milliseconds; poll the revision list rather than sleep blindly.
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var list = await (await room.Teacher.Http.GetAsync($"/api/documents/{room.DocumentId}/revisions")).JsonAsync();
            if (list.EnumerateArray().All(r => r.GetProperty("anchoringDone").GetBoolean())) return;
            await Task.Delay(50);
        }
        Assert.Fail("Re-anchoring did not finish.");
    }
}
