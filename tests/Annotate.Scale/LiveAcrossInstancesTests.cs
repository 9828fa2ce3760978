using Annotate.E2E.Infrastructure;
using Annotate.Scale.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.Scale;

/// <summary>
/// Two instances on one database and one Redis behave as one app: what happens on A reaches the people on B
/// at once, in their browsers and on their hub connections (issue 13, "Proven with two instances").
/// </summary>
[Collection(LiveCollection.Name)]
[Trait("Phase", "Live")]
public sealed class LiveAcrossInstancesTests(ScaleBrowsers browsers, ITestOutputHelper output)
{
    private const string TextAppeared = "text => document.body.innerText.includes(text)";

    private static ScaleSetUp SetUp => ScaleSetUp.Required;

    [ScaleFact]
    public async Task An_annotation_posted_on_A_appears_live_on_a_reading_page_and_a_hub_client_on_B()
    {
        await using var teacher = await browsers.NewReaderAsync("Tessa Teacher", SetUp.A);
        await using var student = await browsers.NewReaderAsync("Bruno Student", SetUp.B, joining: teacher);
        await using var hubOnB = await HubClient.ConnectAsync(SetUp.B, student.Email);
        await hubOnB.JoinAsync(teacher.DocumentId);
        await student.Reading.OpenAsync();
        await teacher.Reading.OpenAsync();
        await student.Page.EvaluateAsync("() => { window.__noReload = true; }");

        var comment = $"Posted on instance A ({Guid.NewGuid():N})";
        await teacher.Reading.SelectAsync("a torch to light the way for the class");
        await teacher.Reading.ComposeAsync(comment);
        var latency = await BrowserWait.MeasureClickAsync(teacher.Reading.PostButton, teacher.Page, student.Page, TextAppeared, comment, TimeSpan.FromSeconds(15));
        output.WriteLine($"Live latency across instances (Post clicked on A -> thread shown on B): {latency}");

        var threadId = await teacher.Reading.ThreadIdAsync(comment);
        await Expect(student.Reading.Thread(comment)).ToHaveAccessibleNameAsync("Thread by Tessa Teacher");
        await Expect(student.Reading.MarksOf(threadId)).Not.ToHaveCountAsync(0);
        await hubOnB.WaitForCreatedAsync(threadId);
        Assert.True(await student.Page.EvaluateAsync<bool>("() => window.__noReload === true"), "The page on B reloaded.");
    }

    [ScaleFact]
    public async Task A_member_removed_on_A_is_cut_off_on_B_at_once_page_and_hub()
    {
        await using var teacher = await browsers.NewReaderAsync("Teodor Teacher", SetUp.A);
        await using var student = await browsers.NewReaderAsync("Rosa Removed", SetUp.B, joining: teacher);
        await using var staying = await browsers.NewReaderAsync("Stan Staying", SetUp.B, joining: teacher);
        await using var removedHubOnB = await HubClient.ConnectAsync(SetUp.B, student.Email);
        await removedHubOnB.JoinAsync(teacher.DocumentId);
        await using var stayingHubOnB = await HubClient.ConnectAsync(SetUp.B, staying.Email);
        await stayingHubOnB.JoinAsync(teacher.DocumentId);
        await student.Reading.OpenAsync();
        await student.Page.EvaluateAsync("() => { window.__noReload = true; }");

        var seminarId = (await teacher.GetJsonAsync(SetUp.A, $"/api/documents/{teacher.DocumentId}")).GetProperty("seminarId").GetInt32();
        var studentId = (await student.GetJsonAsync(SetUp.B, "/api/users/me")).GetProperty("id").GetString();
        var removed = await teacher.Context.APIRequest.DeleteAsync($"{SetUp.A}api/seminars/{seminarId}/members/{studentId}");
        Assert.Equal(204, removed.Status);

        // The page on B: gone at once, without a reload.
        await Expect(student.Page.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
        await Expect(student.Page.Locator("article")).ToHaveCountAsync(0);
        Assert.True(await student.Page.EvaluateAsync<bool>("() => window.__noReload === true"), "The page on B reloaded.");

        // The hub on B: the next annotation posted on A reaches the member who stayed, not the removed one.
        var later = await teacher.PostJsonAsync(SetUp.A, $"/api/documents/{teacher.DocumentId}/annotations", new
        {
            motivation = "commenting",
            body = new[] { new { type = "TextualBody", value = "For members only.", format = "text/markdown" } },
            target = new { selector = new[] { new { type = "TextQuoteSelector", exact = "important theoretical system of Marxism-Leninism" } } },
        });
        var laterId = later.GetProperty("id").GetString()!;
        await stayingHubOnB.WaitForCreatedAsync(laterId[(laterId.LastIndexOf('/') + 1)..]);
        Assert.Empty(removedHubOnB.TakeArrived());
        // And joining again is refused.
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => removedHubOnB.JoinAsync(teacher.DocumentId));
    }
}
