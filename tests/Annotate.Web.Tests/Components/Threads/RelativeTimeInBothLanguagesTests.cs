using Annotate.Web.Components.Threads;
using Annotate.Web.Tests.Languages;
using Bunit;

namespace Annotate.Web.Tests.Components.Threads;

/// <summary>
/// The one formatter of times (issue 16): how long ago in the reader's language, and dates written by the culture
/// (no English month names on a Vietnamese page).
/// </summary>
public sealed class RelativeTimeInBothLanguagesTests : MudComponentTest
{
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, "vừa xong")]
    [InlineData(50, "1 phút trước")]
    [InlineData(3 * 60, "3 phút trước")]
    [InlineData(59 * 60 + 50, "1 giờ trước")]
    [InlineData(3 * 3600 + 20 * 60, "3 giờ trước")]
    [InlineData(30 * 3600, "hôm qua")]
    [InlineData(3 * 86400, "3 ngày trước")]
    public void Says_how_long_ago_in_vietnamese(int secondsAgo, string expected)
    {
        using var vietnamese = UiCulture.Vietnamese();

        Assert.Equal(expected, RelativeTime.Format(Now.AddSeconds(-secondsAgo), Now));
    }

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(3 * 60, "3 min ago")]
    [InlineData(3 * 3600 + 20 * 60, "3 h ago")]
    [InlineData(30 * 3600, "yesterday")]
    [InlineData(3 * 86400, "3 days ago")]
    public void Says_how_long_ago_in_english(int secondsAgo, string expected)
    {
        using var english = UiCulture.English();

        Assert.Equal(expected, RelativeTime.Format(Now.AddSeconds(-secondsAgo), Now));
    }

    [Fact]
    public void An_older_date_is_written_as_the_language_writes_dates()
    {
        // Noon UTC is the same day in every time zone the test machine may be in.
        var earlierThisYear = new DateTimeOffset(2025, 2, 3, 12, 0, 0, TimeSpan.Zero);
        var lastYear = new DateTimeOffset(2024, 11, 20, 12, 0, 0, TimeSpan.Zero);

        using (UiCulture.English())
        {
            Assert.Equal("3 Feb", RelativeTime.Format(earlierThisYear, Now));
            Assert.Equal("20 Nov 2024", RelativeTime.Format(lastYear, Now));
        }
        using (UiCulture.Vietnamese())
        {
            Assert.Equal("3 thg 2", RelativeTime.Format(earlierThisYear, Now));
            Assert.Equal("20/11/2024", RelativeTime.Format(lastYear, Now));
        }
    }

    [Fact]
    public void The_time_element_speaks_vietnamese_and_its_tooltip_is_the_cultures_full_date()
    {
        using var vietnamese = UiCulture.Vietnamese();

        var cut = Context.Render<RelativeTime>(ps => ps.Add(p => p.Value, Now.AddMinutes(-5)).Add(p => p.Now, Now));

        var time = cut.Find("time");
        Assert.Equal("5 phút trước", time.TextContent);
        Assert.Contains("2025", time.GetAttribute("title"));
        Assert.Contains("tháng", time.GetAttribute("title"), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("March", time.GetAttribute("title"));
    }
}
