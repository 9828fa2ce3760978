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

    [Theory]
    [InlineData("en", "3:30", "15:30")]
    [InlineData("vi", "15:30", "PM")]
    public void The_time_of_day_is_written_as_the_reader_s_culture_writes_it(string language, string shown, string notShown)
    {
        using var _ = language == "vi" ? UiCulture.Vietnamese() : UiCulture.English();

        var label = Context.Render<DueDateLabel>(p => p.Add(l => l.DueAt, new DateTimeOffset(2026, 12, 3, 15, 30, 0, TimeSpan.Zero))).Find("time").TextContent;

        Assert.Contains(shown, label);
        Assert.DoesNotContain(notShown, label);
    }

    /// <summary>A clock that stands still, in UTC, so that the label's day and time do not depend on the machine.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
