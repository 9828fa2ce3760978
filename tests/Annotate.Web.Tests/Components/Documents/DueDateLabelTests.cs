using Annotate.Web.Components.Documents;
using Annotate.Web.Tests.Languages;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Web.Tests.Components.Documents;

/// <summary>A due date's time of day is written as the reader's culture writes times (issue 16), not in a pattern fixed in code.</summary>
public sealed class DueDateLabelTests : MudComponentTest
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public DueDateLabelTests() => Context.Services.AddSingleton<TimeProvider>(new FixedClock(Now));

    [Fact]
    public void An_english_reader_sees_the_time_with_am_or_pm()
    {
        using var _ = UiCulture.English();

        var label = Context.Render<DueDateLabel>(p => p.Add(l => l.DueAt, new DateTimeOffset(2026, 12, 3, 15, 30, 0, TimeSpan.Zero))).Find("time").TextContent;

        Assert.Contains("3:30", label);
        Assert.Contains("PM", label);
        Assert.DoesNotContain("15:30", label);
    }

    [Fact]
    public void A_vietnamese_reader_sees_the_time_on_the_24_hour_clock()
    {
        using var _ = UiCulture.Vietnamese();

        var label = Context.Render<DueDateLabel>(p => p.Add(l => l.DueAt, new DateTimeOffset(2026, 12, 3, 15, 30, 0, TimeSpan.Zero))).Find("time").TextContent;

        Assert.Contains("15:30", label);
        Assert.DoesNotContain("PM", label);
    }

    /// <summary>A clock that stands still, in UTC, so that the label's day and time do not depend on the machine.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
