using AngleSharp.Dom;
using Annotate.Web.Components.Pages;
using Annotate.Web.Components.Search;
using Annotate.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Web.Tests.Components.Search;

/// <summary>
/// The seminar's search page as a reader uses it, rendered against the running app: the empty state with the
/// syntax, results with the passage in its paragraph and the words searched for marked, no results, a search
/// it cannot read, more results on demand, and nothing the reader may not see.
/// </summary>
public sealed class SearchPageTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private static readonly TimeSpan Timeout = LiveReadingPages.Timeout;

    [Fact]
    public async Task Without_a_search_it_explains_itself_and_shows_the_syntax()
    {
        var room = await app.CreateClassroomAsync();
        await using var pages = new LiveReadingPages(app);

        var page = pages.Render<SearchPage>(room.StudentA, p => p.Add(x => x.Id, room.SeminarId));

        await page.WaitForAssertionAsync(() => Assert.Contains("Search every document of this seminar", page.Markup), Timeout);
        var field = page.Find("form[role=search] input");
        Assert.Equal("Search", Label(page, field));
        Assert.NotNull(page.Find("details.search-syntax[open]"));
        Assert.Equal(SearchHelp.Operators.Length, page.FindAll(".search-help dt").Count);
        Assert.Contains("is:unanswered", page.Find(".search-help").TextContent);
        Assert.Empty(page.FindAll(".search-result"));
    }

    [Fact]
    public async Task Results_show_the_passage_in_its_paragraph_the_words_marked_and_open_the_thread()
    {
        var room = await app.CreateClassroomAsync();
        var thread = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "The **struggle** of classes, says Marx."));
        var reply = await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread.Iri(), "Marx again, in a reply"));
        await using var pages = new LiveReadingPages(app);

        var page = Open(pages, room.StudentB, room.SeminarId, "marx");

        await page.WaitForAssertionAsync(() => Assert.Equal(2, page.FindAll(".search-result").Count), Timeout);
        Assert.Equal("2 results", page.Find(".search-count").TextContent);
        var results = page.FindAll(".search-result");
        // Newest first: the reply, then its thread; both on the thread's passage, in its paragraph.
        Assert.Contains("Marx again, in a reply", results[0].TextContent);
        foreach (var result in results)
        {
            Assert.Equal("class struggles", result.QuerySelector(".search-passage-mark")!.TextContent);
            Assert.Contains("The history of all hitherto existing society is the history of class struggles.", result.QuerySelector(".search-passage")!.TextContent);
            Assert.Contains("The Manifesto, ¶ 2", result.QuerySelector(".search-result-where")!.TextContent);
            Assert.Equal($"documents/{room.DocumentId}?thread={thread.Iri().Split('/')[^1]}",
                result.QuerySelectorAll("a").First(a => a.TextContent.Contains("Open in the text")).GetAttribute("href"));
        }
        Assert.Equal(["Marx"], results[1].QuerySelectorAll("mark.search-hit").Select(m => m.TextContent));
        // The comment's words, without its Markdown.
        Assert.Contains("The struggle of classes, says Marx.", results[1].QuerySelector(".search-body")!.TextContent);
        Assert.Equal("Search", Label(page, page.Find("form[role=search] input")));
        Assert.Equal("marx", page.Find("form[role=search] input").GetAttribute("value"));
        Assert.Null(page.Find("details.search-syntax").GetAttribute("open"));
        Assert.Contains(reply.Iri().Split('/')[^1].Replace("-", ""), page.Markup);
    }

    [Fact]
    public async Task No_results_says_so_with_the_search()
    {
        var room = await app.CreateClassroomAsync();
        await using var pages = new LiveReadingPages(app);

        var page = Open(pages, room.StudentA, room.SeminarId, "unicorns tag:myth");

        await page.WaitForAssertionAsync(() => Assert.Contains("No results for", page.Find("[role=status]").TextContent), Timeout);
        Assert.Contains("unicorns tag:myth", page.Find("[role=status] strong").TextContent);
        Assert.Empty(page.FindAll(".search-result"));
    }

    [Fact]
    public async Task A_search_it_cannot_read_says_why()
    {
        var room = await app.CreateClassroomAsync();
        await using var pages = new LiveReadingPages(app);

        var page = Open(pages, room.StudentA, room.SeminarId, "colour:red");

        await page.WaitForAssertionAsync(() => Assert.Contains("There is no field \"colour:\"", page.Find("[role=status]").TextContent), Timeout);
        Assert.Empty(page.FindAll(".search-result"));
    }

    [Fact]
    public async Task More_results_come_on_demand_and_hidden_ones_never()
    {
        var room = await app.CreateClassroomAsync();
        for (var i = 0; i < 23; i++)
            await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("holy alliance", $"plentiful note {i}"));
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("holy alliance", "plentiful secret", "private"));
        await using var pages = new LiveReadingPages(app);

        var page = Open(pages, room.StudentB, room.SeminarId, "plentiful");

        await page.WaitForAssertionAsync(() => Assert.Equal(20, page.FindAll(".search-result").Count), Timeout);
        Assert.Equal("23 results", page.Find(".search-count").TextContent);
        await page.ClickAsync(() => page.FindAll("button").First(b => b.TextContent.Contains("Show more (3 left)")));
        await page.WaitForAssertionAsync(() => Assert.Equal(23, page.FindAll(".search-result").Count), Timeout);
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains("Show more"));
        Assert.DoesNotContain("secret", page.Markup);
    }

    [Fact]
    public async Task A_seminar_the_reader_is_not_in_is_not_found()
    {
        var room = await app.CreateClassroomAsync();
        await using var pages = new LiveReadingPages(app);

        var page = Open(pages, room.Outsider, room.SeminarId, "marx");

        await page.WaitForAssertionAsync(() => Assert.Contains("There is no seminar here that you belong to.", page.Markup), Timeout);
        Assert.Empty(page.FindAll("form[role=search]"));
    }

    [Fact]
    public async Task Searches_over_the_limit_say_when_to_try_again_and_the_API_shares_the_window()
    {
        await using var limited = AnnotateApp.WithSettings(TestLimits.On(new TestLimits.Limit("Search", PerPerson: 2, PerAddress: 0, WindowSeconds: 60)));
        var room = await limited.CreateClassroomAsync();
        await (await room.StudentA.GetSearchAsync(room.SeminarId, "marx")).ShouldHaveStatusAsync(System.Net.HttpStatusCode.OK);
        await using var pages = new LiveReadingPages(limited);

        var first = Open(pages, room.StudentA, room.SeminarId, "marx");
        await first.WaitForAssertionAsync(() => Assert.Contains("No results for", first.Find("[role=status]").TextContent), Timeout);
        var second = Open(pages, room.StudentA, room.SeminarId, "engels");

        await second.WaitForAssertionAsync(() =>
            Assert.Contains("Too many searches in a short time. Try again in", second.Find("[role=status]").TextContent), Timeout);
        Assert.Empty(second.FindAll(".search-result"));
    }

    [Fact]
    public async Task The_field_opens_the_results_for_what_was_typed()
    {
        var room = await app.CreateClassroomAsync();
        await using var pages = new LiveReadingPages(app);
        var navigation = pages.Context.Services.GetRequiredService<NavigationManager>();
        var box = pages.Context.Render<SearchBox>(p => p.Add(x => x.SeminarId, room.SeminarId));

        await box.Find("input").InputAsync(new() { Value = "  user:\"Ana B\" marx " });
        await box.Find("form").SubmitAsync();

        Assert.EndsWith($"/seminars/{room.SeminarId}/search?q={Uri.EscapeDataString("user:\"Ana B\" marx")}", navigation.Uri);
    }

    /// <summary>The results page at /seminars/{id}/search?q=…, as the address bar has it.</summary>
    private static IRenderedComponent<SearchPage> Open(LiveReadingPages pages, ApiUser user, int seminarId, string q)
    {
        pages.Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/seminars/{seminarId}/search?q={Uri.EscapeDataString(q)}");
        return pages.Render<SearchPage>(user, p => p.Add(x => x.Id, seminarId));
    }

    /// <summary>The text of the label element that names <paramref name="input"/>.</summary>
    private static string Label(IRenderedComponent<SearchPage> page, IElement input) =>
        page.Find($"label[for='{input.Id}']").TextContent.Trim();
}
