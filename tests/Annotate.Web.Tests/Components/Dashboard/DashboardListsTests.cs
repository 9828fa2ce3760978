using System.Globalization;
using Annotate.Web.Components.Dashboard;
using Annotate.Web.Features.Overview;
using Bunit;

namespace Annotate.Web.Tests.Components.Dashboard;

/// <summary>
/// The timeline and the Confusion list from their parameters: what each entry says and opens, empty states, a heading's
/// row and threads no longer in the text.
/// </summary>
public sealed class DashboardListsTests : MudComponentTest
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_timeline_says_what_each_entry_is_marks_late_ones_and_opens_their_threads()
    {
        var thread = Guid.NewGuid();
        var timeline = new StudentTimeline(1, "a", "Ada", [
            new TimelineEntry(thread, thread, 7, "Manifesto", "questioning", false, "class struggles", "Which classes?", Now.AddHours(-3), false),
            new TimelineEntry(Guid.NewGuid(), thread, 7, "Manifesto", "replying", true, "class struggles", "Two of them.", Now.AddMinutes(-5), true),
        ]);
        var list = Context.Render<TimelineList>(p => p.Add(x => x.Timeline, timeline).Add(x => x.Now, Now));

        var entries = list.FindAll("li.timeline-entry");
        Assert.Equal("Timeline of Ada", list.Find("ol").GetAttribute("aria-label"));
        Assert.Contains("Question on Manifesto: “class struggles”", entries[0].TextContent);
        Assert.Contains("3 h ago", entries[0].TextContent);
        Assert.DoesNotContain("Late", entries[0].TextContent);
        Assert.Contains("Reply on Manifesto", entries[1].TextContent);
        Assert.Contains("Late", entries[1].TextContent);
        Assert.All(entries, e => Assert.Equal($"documents/7?thread={thread}", e.QuerySelector("a")!.GetAttribute("href")));
    }

    [Fact]
    public void An_empty_timeline_says_so()
    {
        var list = Context.Render<TimelineList>(p => p.Add(x => x.Timeline, new StudentTimeline(1, "a", "Ada", [])));
        Assert.Contains("Ada has written nothing you can see yet.", list.Markup);
        Assert.Empty(list.FindAll("ol"));
    }

    [Fact]
    public void The_confusion_list_names_a_heading_and_counts_threads_no_longer_in_the_text()
    {
        var thread = Guid.NewGuid();
        var report = new ConfusionReport(7, "Manifesto", 1, "Seminar",
            [new ConfusionParagraph(null, "Manifesto of the Communist Party", 0, 0, 1, [new ConfusionThread(thread, "Manifesto", "commenting", false, 1, Now, 0)])], 2);
        var list = Context.Render<ConfusionList>(p => p.Add(x => x.Confusion, report));

        Assert.Equal("Heading", list.Find(".confusion-row h2").TextContent);
        Assert.Contains("0 open questions", list.Markup);
        Assert.Contains("1 unresolved thread", list.Markup);
        Assert.Contains("1 reply", list.Find(".confusion-threads").TextContent);
        Assert.Equal($"documents/7?thread={thread}", list.Find(".confusion-threads a").GetAttribute("href"));
        Assert.Contains("2 unresolved threads are on passages no longer in the text", list.Markup);
        Assert.DoesNotContain("too", list.Markup);
    }

    [Theory]
    [InlineData("en", "3 “same question” votes", "2 people have this question too", "1 person has this question too")]
    [InlineData("vi", "3 phiếu “cùng câu hỏi”", "2 người cũng có câu hỏi này", "1 người cũng có câu hỏi này")]
    public void The_confusion_list_shows_the_same_question_votes(string culture, string votes, string two, string one)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            ConfusionThread Question(int votes) => new(Guid.NewGuid(), "class struggles", "questioning", true, 0, Now, votes);
            var report = new ConfusionReport(7, "Manifesto", 1, "Seminar",
                [new ConfusionParagraph(2, "The history of all hitherto existing society", 2, 3, 2, [Question(2), Question(1)])], 0);
            var list = Context.Render<ConfusionList>(p => p.Add(x => x.Confusion, report));

            Assert.Contains(votes, list.Find(".confusion-row").TextContent);
            var threads = list.FindAll(".confusion-threads li");
            Assert.Contains(two, threads[0].TextContent);
            Assert.Contains(one, threads[1].TextContent);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
