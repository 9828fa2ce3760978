using AngleSharp.Dom;
using Annotate.Web.Components.Export;
using Annotate.Web.Tests.Infrastructure;
using Bunit;
using MudBlazor;

namespace Annotate.Web.Tests.Components.Export;

/// <summary>
/// The reading page's Export menu and its filter dialog. The dialog lists the seminar's students and
/// groups through the real membership service, so the app runs behind bUnit's own services.
/// </summary>
public sealed class ExportMenuTests : MudComponentTest
{
    private static readonly string[] Formats = ["Web Annotation (JSON-LD)…", "Spreadsheet (CSV)…", "Markdown…", "Printable page (HTML)…", "PDF…"];

    private IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderMenu(Classroom room, ApiUser user, bool isTeacher) =>
        Context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<ExportMenu>(2);
            builder.AddAttribute(3, nameof(ExportMenu.DocumentId), room.DocumentId);
            builder.AddAttribute(4, nameof(ExportMenu.SeminarId), room.SeminarId);
            builder.AddAttribute(5, nameof(ExportMenu.UserId), user.Id);
            builder.AddAttribute(6, nameof(ExportMenu.IsTeacher), isTeacher);
            builder.CloseComponent();
        });

    private static IElement MenuItem(IRenderedComponent<Bunit.Rendering.ContainerFragment> cut, string label) =>
        cut.FindAll(".mud-menu-item").Single(i => i.TextContent.Trim() == label);

    [Fact]
    public async Task The_Export_menu_offers_the_five_formats_and_a_dialog_whose_Download_link_is_the_export_url()
    {
        await using var app = new AnnotateApp();
        var room = await app.CreateClassroomAsync();
        Context.Services.AddFallbackServiceProvider(app.Services);
        var cut = RenderMenu(room, room.StudentA, isTeacher: false);

        var button = cut.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Export");
        Assert.Equal("Export", button.TextContent.Trim());
        button.Click();
        cut.WaitForAssertion(() => Assert.Equal(Formats, cut.FindAll(".mud-menu-item").Select(i => i.TextContent.Trim())));

        MenuItem(cut, "Spreadsheet (CSV)…").Click();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("a[download]")));
        Assert.Equal($"api/documents/{room.DocumentId}/export?format=csv", cut.Find("a[download]").GetAttribute("href"));
        Assert.DoesNotContain(cut.FindAll("label"), l => l.TextContent.Trim() is "Student" or "Group" or "Paper size");

        // Only mine, and a date range: the link says so in the API's own words.
        cut.FindAll("input[type=radio]")[1].Click();
        cut.FindAll("input[type=date]")[0].Change("2026-03-01");
        cut.WaitForAssertion(() => Assert.Equal($"api/documents/{room.DocumentId}/export?format=csv&scope=mine&from=2026-03-01",
            cut.Find("a[download]").GetAttribute("href")));

        // A range that ends before it starts cannot be downloaded; the dialog says why.
        cut.FindAll("input[type=date]")[1].Change("2026-02-01");
        cut.WaitForAssertion(() => Assert.Contains("is after the end date", cut.Find("[role=alert]").TextContent));
        Assert.Empty(cut.FindAll("a[download]"));
    }

    [Fact]
    public async Task A_teacher_can_choose_a_student_or_group_and_the_printable_formats_ask_for_a_paper_size()
    {
        await using var app = new AnnotateApp();
        var room = await app.CreateClassroomAsync();
        Context.Services.AddFallbackServiceProvider(app.Services);
        var cut = RenderMenu(room, room.Teacher, isTeacher: true);

        cut.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Export").Click();
        cut.WaitForAssertion(() => MenuItem(cut, "PDF…").Click());

        cut.WaitForAssertion(() => Assert.Equal(["Format", "Student", "Group", "From", "To", "Tag", "Paper size"],
            cut.FindAll(".mud-dialog label.mud-input-label").Select(l => l.TextContent.Trim())));
        Assert.Equal($"api/documents/{room.DocumentId}/export?format=pdf&paper=a4", cut.Find("a[download]").GetAttribute("href"));
    }
}
