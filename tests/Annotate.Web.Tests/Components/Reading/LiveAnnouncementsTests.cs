using Annotate.Shared.W3c;
using Annotate.Web.Components.Reading;
using Annotate.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Web.Tests.Components.Reading;

/// <summary>
/// The reading page's live region (issue 15): one polite status region that says what arrived from others once the
/// throttle's window has passed, a lone arrival in full and a burst in one sentence. Driven by a manual clock.
/// </summary>
public sealed class LiveAnnouncementsTests : MudComponentTest
{
    private readonly ManualClock clock = new();

    public LiveAnnouncementsTests() => Context.Services.AddSingleton<TimeProvider>(clock);

    private static Arrival Comment(string author = "Ana", int? paragraph = 3) => new(author, Motivations.Commenting, IsReply: false, paragraph);

    private static Arrival Reply(string author = "Ben", int? paragraph = 3) => new(author, Motivations.Replying, IsReply: true, paragraph);

    private static string Said(IRenderedComponent<LiveAnnouncements> region) => region.Find("[role=status]").TextContent.Trim('\u00A0', ' ');

    private async Task<IRenderedComponent<LiveAnnouncements>> AnnounceAsync(params Arrival[] arrivals)
    {
        var region = Context.Render<LiveAnnouncements>();
        await region.InvokeAsync(() => region.Instance.Announce(arrivals));
        return region;
    }

    [Fact]
    public void It_is_one_polite_status_region_that_says_nothing_until_something_arrives()
    {
        var region = Context.Render<LiveAnnouncements>();

        var status = region.Find("[role=status]");
        Assert.Equal("polite", status.GetAttribute("aria-live"));
        Assert.Equal("true", status.GetAttribute("aria-atomic"));
        Assert.Equal("", Said(region));
    }

    [Fact]
    public async Task A_lone_comment_is_said_in_full_once_the_window_has_passed()
    {
        var region = await AnnounceAsync(Comment());
        Assert.Equal("", Said(region));

        clock.Advance(Announcements.Window);

        region.WaitForAssertion(() => Assert.Equal("New comment by Ana on paragraph 3", Said(region)));
    }

    [Theory]
    [InlineData(Motivations.Replying, true, "New reply by Ben on paragraph 2")]
    [InlineData(Motivations.Questioning, false, "New question by Ben on paragraph 2")]
    [InlineData(Motivations.Highlighting, false, "New highlight by Ben on paragraph 2")]
    [InlineData(Motivations.Assessing, true, "New feedback by Ben on paragraph 2")]
    public async Task A_lone_arrival_says_what_it_is(string motivation, bool isReply, string sentence)
    {
        var region = await AnnounceAsync(new Arrival("Ben", motivation, isReply, 2));

        clock.Advance(Announcements.Window);

        region.WaitForAssertion(() => Assert.Equal(sentence, Said(region)));
    }

    [Fact]
    public async Task An_orphaned_thread_has_no_paragraph_to_name()
    {
        var region = await AnnounceAsync(Comment(paragraph: null));

        clock.Advance(Announcements.Window);

        region.WaitForAssertion(() => Assert.Equal("New comment by Ana", Said(region)));
    }

    [Fact]
    public async Task A_burst_within_the_window_is_said_as_one_sentence()
    {
        var region = await AnnounceAsync(Comment("Ana"), Comment("Ben"));
        clock.Advance(TimeSpan.FromSeconds(1));
        await region.InvokeAsync(() => region.Instance.Announce([Comment("Cao"), Comment("Dung", 7), Comment("Ana", 1)]));
        Assert.Equal("", Said(region));

        clock.Advance(TimeSpan.FromSeconds(1));

        region.WaitForAssertion(() => Assert.Equal("5 new comments", Said(region)));
    }

    [Fact]
    public async Task Threads_and_replies_of_a_burst_are_counted_apart()
    {
        var region = await AnnounceAsync(Comment(), Reply(), Comment(), Reply(), Comment());

        clock.Advance(Announcements.Window);

        region.WaitForAssertion(() => Assert.Equal("3 new comments and 2 new replies", Said(region)));
    }

    [Fact]
    public async Task What_arrives_after_the_window_is_said_on_its_own_a_window_later()
    {
        var region = await AnnounceAsync(Comment(), Comment());
        clock.Advance(Announcements.Window);
        region.WaitForAssertion(() => Assert.Equal("2 new comments", Said(region)));

        await region.InvokeAsync(() => region.Instance.Announce([Reply("Ben", 4)]));
        clock.Advance(Announcements.Window - TimeSpan.FromMilliseconds(1));
        Assert.Equal("2 new comments", Said(region));
        clock.Advance(TimeSpan.FromMilliseconds(1));

        region.WaitForAssertion(() => Assert.Equal("New reply by Ben on paragraph 4", Said(region)));
    }

    [Fact]
    public async Task The_same_sentence_twice_in_a_row_changes_the_region_so_it_is_said_again()
    {
        var region = await AnnounceAsync(Comment());
        clock.Advance(Announcements.Window);
        region.WaitForAssertion(() => Assert.Equal("New comment by Ana on paragraph 3", Said(region)));
        var first = region.Find("[role=status]").TextContent;

        await region.InvokeAsync(() => region.Instance.Announce([Comment()]));
        clock.Advance(Announcements.Window);

        region.WaitForAssertion(() => Assert.NotEqual(first, region.Find("[role=status]").TextContent));
        Assert.Equal("New comment by Ana on paragraph 3", Said(region));
    }

    [Fact]
    public async Task Nothing_arriving_says_nothing()
    {
        var region = await AnnounceAsync();

        clock.Advance(Announcements.Window);

        Assert.Equal("", Said(region));
    }
}
