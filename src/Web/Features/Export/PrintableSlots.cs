using Microsoft.Extensions.Options;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Export;

/// <summary>
/// Laying out a printable export (HTML, and PDF above all) is the dearest thing a reader can ask for:
/// at most <see cref="ExportOptions.PrintableAtOnce"/> run at once, the next ones wait a little for
/// their turn, and beyond that they are told to try again.
/// </summary>
internal sealed class PrintableSlots(IOptions<ExportOptions> options) : IDisposable
{
    public static string Busy => Words.Text("Problem.PrintableBusy");

    private readonly SemaphoreSlim slots = new(Math.Max(0, options.Value.PrintableAtOnce));

    /// <summary>When to try again: a printable export takes seconds.</summary>
    public TimeSpan RetryAfter => TimeSpan.FromSeconds(Math.Max(1, options.Value.PrintableWaitSeconds));

    /// <summary>How many printable exports are being written now.</summary>
    public int Running => Math.Max(0, options.Value.PrintableAtOnce) - slots.CurrentCount;

    /// <summary>A turn, held until disposed; null when none came free in time.</summary>
    public async Task<IDisposable?> TryTakeAsync(CancellationToken cancellationToken)
    {
        var waited = await slots.WaitAsync(TimeSpan.FromSeconds(options.Value.PrintableWaitSeconds), cancellationToken);
        return waited ? new Turn(slots) : null;
    }

    public void Dispose() => slots.Dispose();

    private sealed class Turn(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) slots.Release();
        }
    }
}
