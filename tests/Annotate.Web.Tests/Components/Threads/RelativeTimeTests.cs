using Annotate.Web.Components.Threads;
using Bunit;

namespace Annotate.Web.Tests.Components.Threads;

public sealed class RelativeTimeTests : MudComponentTest
{
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(20, "just now")]
    [InlineData(50, "1 min ago")]
    [InlineData(5 * 60, "5 min ago")]
    [InlineData(59 * 60 + 50, "1 h ago")]
    [InlineData(3 * 3600 + 20 * 60, "3 h ago")]
    [InlineData(23 * 3600 + 59 * 60, "23 h ago")]
    [InlineData(30 * 3600, "yesterday")]
    [InlineData(3 * 86400, "3 days ago")]
    public void Says_how_long_ago_as_people_do(int secondsAgo, string expected)
    {
        Assert.Equal(expected, RelativeTime.Format(Now.AddSeconds(-secondsAgo), Now));
    }

    [Fact]
    public void A_time_from_a_clock_slightly_ahead_is_just_now()
    {
        Assert.Equal("just now", RelativeTime.Format(Now.AddSeconds(5), Now));
    }

    [Fact]
    public void Renders_a_time_element_with_the_exact_instant()
    {
        var cut = Context.Render<RelativeTime>(ps => ps.Add(p => p.Value, Now.AddMinutes(-5)).Add(p => p.Now, Now));

        var time = cut.Find("time");
        Assert.Equal("5 min ago", time.TextContent);
        Assert.Equal(DateTimeOffset.Parse(time.GetAttribute("datetime")!), Now.AddMinutes(-5));
    }
}
