using Annotate.Web.Components.Reading;

namespace Annotate.Web.Tests.Components.Reading;

public sealed class RedrawThrottleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void A_lone_change_is_drawn_at_once()
    {
        var throttle = new RedrawThrottle(new ManualClock(), Interval);

        Assert.Equal(Redraw.Now, throttle.Request(out var wait));
        Assert.Equal(TimeSpan.Zero, wait);
    }

    [Fact]
    public void A_burst_is_drawn_once_when_the_interval_has_passed()
    {
        var clock = new ManualClock();
        var throttle = new RedrawThrottle(clock, Interval);
        Assert.Equal(Redraw.Now, throttle.Request(out _));
        throttle.Drawn();

        clock.Now += TimeSpan.FromMilliseconds(30);
        Assert.Equal(Redraw.Later, throttle.Request(out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(70), wait);
        // Everything else of the burst rides on the draw already waiting.
        Assert.Equal(Redraw.Queued, throttle.Request(out _));
        Assert.Equal(Redraw.Queued, throttle.Request(out _));

        clock.Now += wait;
        throttle.Drawn();
        clock.Now += Interval;
        Assert.Equal(Redraw.Now, throttle.Request(out _));
    }
}
