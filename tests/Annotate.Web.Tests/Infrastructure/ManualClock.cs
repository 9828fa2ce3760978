namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// A clock that moves only when a test says so, with timers (and so <c>Task.Delay(span, clock)</c>) that fire when
/// it has moved past them: throttles and windows tested without waiting and without timing assertions.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private readonly object gate = new();
    private readonly List<Timer> timers = [];
    private DateTimeOffset now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate) return now;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock on, firing (outside its lock, in order) each timer that falls due on the way.</summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset end;
        lock (gate) end = now + by;
        while (true)
        {
            Timer? next;
            lock (gate)
            {
                next = timers.Where(t => t.DueAt <= end).MinBy(t => t.DueAt);
                if (next is null)
                {
                    now = end;
                    return;
                }
                now = next.DueAt!.Value;
                next.DueAt = next.Period > TimeSpan.Zero ? now + next.Period : null;
                if (next.DueAt is null) timers.Remove(next);
            }
            next.Fire();
        }
    }

    private sealed class Timer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? DueAt { get; set; }
        public TimeSpan Period { get; private set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock.gate)
            {
                clock.timers.Remove(this);
                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : clock.now + dueTime;
                if (DueAt is not null) clock.timers.Add(this);
            }
            return true;
        }

        public void Dispose()
        {
            lock (clock.gate) clock.timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
