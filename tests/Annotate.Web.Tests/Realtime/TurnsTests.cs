using Annotate.Web.Realtime;

namespace Annotate.Web.Tests.Realtime;

/// <summary>
/// The hub relay's fan-out lets other work in between (issue 12): work queued while it writes to hundreds of
/// connections, such as the writer's own answer, runs after a turn, not after the last reader.
/// </summary>
public sealed class TurnsTests
{
    [Fact]
    public void Work_queued_during_a_long_fan_out_runs_within_two_turns_not_after_every_item()
    {
        var done = 0;
        int? doneWhenTheOtherWorkRan = null;
        Task? fanOut = null;

        OneThread.Run(context =>
        {
            fanOut = Turns.ForEachAsync(Enumerable.Range(0, 1000).ToList(), 64, _ => done++);
            // Queued while the fan-out has more to do, as the writer's answer is.
            context.Post(_ => doneWhenTheOtherWorkRan = done, null);
        });

        Assert.True(fanOut!.IsCompletedSuccessfully);
        Assert.Equal(1000, done);
        // The first turn was already queued when the work arrived, so it ran after at most two turns.
        Assert.InRange(doneWhenTheOtherWorkRan!.Value, 64, 128);
    }

    [Fact]
    public void A_short_fan_out_takes_no_turn()
    {
        var done = 0;
        var fanOut = Turns.ForEachAsync(Enumerable.Range(0, 64).ToList(), 64, _ => done++);

        Assert.True(fanOut.IsCompletedSuccessfully);
        Assert.Equal(64, done);
    }

    /// <summary>A synchronization context that runs everything posted to it on one thread, in order, until none is left.</summary>
    private sealed class OneThread : SynchronizationContext
    {
        private readonly Queue<(SendOrPostCallback Callback, object? State)> queued = new();

        public static void Run(Action<SynchronizationContext> start)
        {
            var previous = Current;
            var context = new OneThread();
            SetSynchronizationContext(context);
            try
            {
                start(context);
                while (context.queued.TryDequeue(out var work)) work.Callback(work.State);
            }
            finally
            {
                SetSynchronizationContext(previous);
            }
        }

        public override void Post(SendOrPostCallback d, object? state) => queued.Enqueue((d, state));
    }
}
