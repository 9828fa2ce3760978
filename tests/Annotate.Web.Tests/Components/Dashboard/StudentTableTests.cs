using AngleSharp.Dom;
using Annotate.Web.Components.Dashboard;
using Annotate.Web.Features.Overview;
using Bunit;

namespace Annotate.Web.Tests.Components.Dashboard;

/// <summary>
/// The dashboard's student table sorts by any column from a heading button (so by keyboard too), says the order with
/// aria-sort, turns it round on a second press, and opens a student's timeline from their row.
/// </summary>
public sealed class StudentTableTests : MudComponentTest
{
    private static readonly DashboardStudent Ada = Student("a", "Ada", annotations: 1, words: 30, late: 2, upvotes: 4);
    private static readonly DashboardStudent Bo = Student("b", "Bo", annotations: 5, words: 10, late: 0, upvotes: 0);
    private static readonly DashboardStudent Cy = Student("c", "Cy", annotations: 3, words: 20, late: 1, upvotes: 7);

    [Fact]
    public void Rows_start_in_name_order_and_a_heading_sorts_numbers_largest_first_then_round()
    {
        var table = Render();
        Assert.Equal(["Ada", "Bo", "Cy"], Names(table));
        Assert.Equal("ascending", Heading(table, "Student").GetAttribute("aria-sort"));

        HeadingButton(table, "Annotations").Click();
        Assert.Equal(["Bo", "Cy", "Ada"], Names(table));
        Assert.Equal("descending", Heading(table, "Annotations").GetAttribute("aria-sort"));
        Assert.Equal("none", Heading(table, "Student").GetAttribute("aria-sort"));

        HeadingButton(table, "Annotations").Click();
        Assert.Equal(["Ada", "Cy", "Bo"], Names(table));
        Assert.Equal("ascending", Heading(table, "Annotations").GetAttribute("aria-sort"));

        HeadingButton(table, "Late").Click();
        Assert.Equal(["Ada", "Cy", "Bo"], Names(table));
        HeadingButton(table, "Upvotes received").Click();
        Assert.Equal(["Cy", "Ada", "Bo"], Names(table));
        HeadingButton(table, "Student").Click();
        Assert.Equal(["Ada", "Bo", "Cy"], Names(table));
        Assert.Contains("sorted by Student, ascending", table.Find("caption").TextContent);
    }

    [Fact]
    public void Headings_are_buttons_and_each_row_opens_its_students_timeline()
    {
        DashboardStudent? opened = null;
        var table = Render(p => p.Add(x => x.OnTimeline, (DashboardStudent s) => opened = s).Add(x => x.SelectedUserId, "c"));
        Assert.All(table.FindAll("thead th[aria-sort]"), th => Assert.Equal("button", th.QuerySelector("button")!.GetAttribute("type")));
        Assert.Equal("true", TimelineButton(table, "Cy").GetAttribute("aria-pressed"));
        Assert.Equal("false", TimelineButton(table, "Bo").GetAttribute("aria-pressed"));

        TimelineButton(table, "Bo").Click();
        Assert.Equal("b", opened?.UserId);
        Assert.Equal("—", table.FindAll("tbody tr")[0].QuerySelectorAll("td")[^3].TextContent.Trim());
    }

    private IRenderedComponent<StudentTable> Render(Action<ComponentParameterCollectionBuilder<StudentTable>>? more = null) =>
        Context.Render<StudentTable>(p =>
        {
            p.Add(x => x.Students, [Cy, Ada, Bo]);
            more?.Invoke(p);
        });

    private static DashboardStudent Student(string id, string name, int annotations, int words, int late, int upvotes) =>
        new(id, name, null, null, annotations, 0, words, 0, 0, upvotes, late, 0, null, null);

    private static List<string> Names(IRenderedComponent<StudentTable> table) =>
        table.FindAll("tbody th[scope=row]").Select(th => th.TextContent).ToList();

    private static IElement Heading(IRenderedComponent<StudentTable> table, string name) =>
        table.FindAll("thead th").Single(th => th.QuerySelector("button")?.TextContent.Trim().TrimEnd('▲', '▼', ' ') == name);

    private static IElement HeadingButton(IRenderedComponent<StudentTable> table, string name) => Heading(table, name).QuerySelector("button")!;

    private static IElement TimelineButton(IRenderedComponent<StudentTable> table, string name) =>
        table.FindAll("button").Single(b => b.GetAttribute("aria-label") == $"Timeline of {name}");
}
