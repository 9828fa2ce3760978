using Annotate.Web.Components.Pages;
using Annotate.Web.Tests.Infrastructure;
using Annotate.Web.Tests.Overview;
using Bunit;

namespace Annotate.Web.Tests.Components.Dashboard;

/// <summary>
/// The seminar dashboard and the Confusion view as a teacher uses them, rendered against the running app: counts from
/// what the teacher may see, a timeline that opens threads, ranked paragraphs that open theirs, empty states; and for a
/// student the same "Not found" as any page they may not see.
/// </summary>
public sealed class DashboardPagesTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private static readonly TimeSpan Timeout = LiveReadingPages.Timeout;

    [Fact]
    public async Task The_dashboard_counts_what_the_teacher_may_see_and_opens_a_students_timeline()
    {
        var scene = await DashboardScene.CreateAsync(app);
        var room = scene.Room;
        await using var pages = new LiveReadingPages(app);
        var page = pages.Render<SeminarDashboardPage>(room.Teacher, p => p.Add(x => x.Id, room.SeminarId));
        await page.WaitForAssertionAsync(() => Assert.Equal(3, page.FindAll(".dashboard-students tbody tr").Count), Timeout);

        var rowA = page.FindAll(".dashboard-students tbody tr").Single(r => r.QuerySelector("th")!.TextContent == room.StudentA.DisplayName);
        // Group, annotations, replies, words, questions asked and answered, upvotes received, late, feedback received.
        Assert.Equal(["Group one", "2", "0", "9", "2", "0", "0", "0", "1"], rowA.QuerySelectorAll("td").Take(9).Select(td => td.TextContent));
        Assert.Contains("Upvotes received", page.Find(".dashboard-students thead").TextContent);
        Assert.Contains("Upvotes received", page.Find(".dashboard-groups thead").TextContent);
        Assert.Contains("private notes are theirs alone and are not counted", page.Markup);
        Assert.Equal(2, page.FindAll(".dashboard-groups tbody tr").Count);
        Assert.NotNull(page.FindAll("a").SingleOrDefault(a => a.GetAttribute("href") == $"api/seminars/{room.SeminarId}/dashboard?format=csv"));
        Assert.NotNull(page.FindAll("a").SingleOrDefault(a => a.GetAttribute("href") == $"documents/{room.DocumentId}/confusion"));

        await page.ClickAsync(() => page.FindAll("button").Single(b => b.GetAttribute("aria-label") == $"Timeline of {room.StudentB.DisplayName}"));
        await page.WaitForAssertionAsync(() => Assert.Equal(2, page.FindAll(".timeline-entry").Count), Timeout);
        Assert.Equal($"Timeline of {room.StudentB.DisplayName}", page.Find("#timeline-heading").TextContent);
        var entries = page.FindAll(".timeline-entry");
        Assert.Contains("Reply on The Manifesto: “class struggles”", entries[0].TextContent);
        Assert.Contains("Late", entries[1].TextContent);
        var questionId = scene.QuestionIri.Split('/')[^1];
        Assert.Equal($"documents/{room.DocumentId}?thread={questionId}", entries[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain("this reply goes dark", page.Markup);
    }

    [Fact]
    public async Task The_confusion_view_ranks_paragraphs_and_opens_their_threads()
    {
        var scene = await DashboardScene.CreateAsync(app);
        var room = scene.Room;
        await using var pages = new LiveReadingPages(app);
        var page = pages.Render<ConfusionPage>(room.Teacher, p => p.Add(x => x.Id, room.DocumentId));
        await page.WaitForAssertionAsync(() => Assert.Equal(2, page.FindAll(".confusion-row").Count), Timeout);

        var rows = page.FindAll(".confusion-row");
        Assert.Equal("¶ 2", rows[0].QuerySelector("h2")!.TextContent);
        Assert.Contains("2 open questions", rows[0].TextContent);
        Assert.StartsWith("The history of all hitherto existing society", rows[0].QuerySelector("blockquote")!.TextContent);
        var links = rows[0].QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"documents/{room.DocumentId}?thread={scene.QuestionIri.Split('/')[^1]}",
            $"documents/{room.DocumentId}?thread={scene.TeachersQuestionIri.Split('/')[^1]}"], links);
        Assert.Contains("0 open questions", rows[1].TextContent);
        Assert.DoesNotContain("¶ 3", page.Markup);
    }

    [Fact]
    public async Task Empty_states_say_what_there_is_to_do()
    {
        var teacher = await app.RegisterAsync("lonely.teacher");
        var (seminar, _) = await app.CreateSeminarAsync(teacher);
        var document = await app.AddDocumentAsync(teacher, seminar, "Quiet text", SampleTexts.Manifesto);
        await using var pages = new LiveReadingPages(app);

        var dashboard = pages.Render<SeminarDashboardPage>(teacher, p => p.Add(x => x.Id, seminar));
        await dashboard.WaitForAssertionAsync(() => Assert.Contains("No students in this seminar yet", dashboard.Markup), Timeout);
        Assert.Empty(dashboard.FindAll(".dashboard-students"));
        Assert.DoesNotContain("Download CSV", dashboard.Markup);

        var confusion = pages.Render<ConfusionPage>(teacher, p => p.Add(x => x.Id, document));
        await confusion.WaitForAssertionAsync(() => Assert.Contains("Nothing to cover", confusion.Markup), Timeout);
    }

    [Fact]
    public async Task A_student_sees_not_found_on_both()
    {
        var room = await app.CreateClassroomAsync();
        await using var pages = new LiveReadingPages(app);

        var dashboard = pages.Render<SeminarDashboardPage>(room.StudentA, p => p.Add(x => x.Id, room.SeminarId));
        await dashboard.WaitForAssertionAsync(() => Assert.Contains("Not found", dashboard.Markup), Timeout);
        var confusion = pages.Render<ConfusionPage>(room.StudentA, p => p.Add(x => x.Id, room.DocumentId));
        await confusion.WaitForAssertionAsync(() => Assert.Contains("Not found", confusion.Markup), Timeout);

        // The same as for a seminar and a document that do not exist.
        var missingSeminar = pages.Render<SeminarDashboardPage>(room.Teacher, p => p.Add(x => x.Id, 999_999));
        await missingSeminar.WaitForAssertionAsync(() => Assert.Contains("Not found", missingSeminar.Markup), Timeout);
        Assert.Equal(missingSeminar.Find("h1").ParentElement!.TextContent, dashboard.Find("h1").ParentElement!.TextContent);
        var missingDocument = pages.Render<ConfusionPage>(room.Teacher, p => p.Add(x => x.Id, 999_999));
        await missingDocument.WaitForAssertionAsync(() => Assert.Contains("Not found", missingDocument.Markup), Timeout);
        Assert.Equal(missingDocument.Find("h1").ParentElement!.TextContent, confusion.Find("h1").ParentElement!.TextContent);
    }

    [Fact]
    public async Task The_seminar_page_links_the_dashboard_for_teachers_only()
    {
        var room = await app.CreateClassroomAsync();
        await using var pages = new LiveReadingPages(app);
        var asTeacher = pages.Render<SeminarPage>(room.Teacher, p => p.Add(x => x.Id, room.SeminarId));
        await asTeacher.WaitForAssertionAsync(() =>
            Assert.Single(asTeacher.FindAll("a"), a => a.GetAttribute("href") == $"seminars/{room.SeminarId}/dashboard"), Timeout);
        var asStudent = pages.Render<SeminarPage>(room.StudentA, p => p.Add(x => x.Id, room.SeminarId));
        await asStudent.WaitForAssertionAsync(() => Assert.Contains("Members", asStudent.Markup), Timeout);
        Assert.DoesNotContain(asStudent.FindAll("a"), a => a.GetAttribute("href") == $"seminars/{room.SeminarId}/dashboard");
    }
}
