using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Import;

/// <summary>
/// Who may start an import now: one running import per person and <see cref="ImportOptions.MaxConcurrent"/>
/// in all, so that a few files of thousands of quotes cannot take every core. Nobody waits in line: a
/// busy answer says to try again when the running import has finished.
/// </summary>
internal sealed class ImportSlots(IOptions<ImportOptions> options) : IDisposable
{
    /// <summary>When to try again: imports take seconds, and one can take <see cref="ImportOptions.PlacingBudget"/> at most.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    public static string YoursRunning => Words.Text("Problem.YourImportRunning");
    public static string ServerBusy => Words.Text("Problem.ImportsBusy");

    private readonly PartitionedRateLimiter<string> perPerson = PartitionedRateLimiter.Create<string, string>(userId =>
        RateLimitPartition.GetConcurrencyLimiter(userId, _ => new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 0 }));

    private readonly ConcurrencyLimiter inAll = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = Math.Max(1, options.Value.MaxConcurrent),
        QueueLimit = 0,
    });

    /// <summary>How many imports are running now, everyone's together.</summary>
    public int Running => Math.Max(1, options.Value.MaxConcurrent) - (int)(inAll.GetStatistics()?.CurrentAvailablePermits ?? 0);

    /// <summary>A slot held until disposed, or the sentence saying why there is none now.</summary>
    public (IDisposable? Slot, string? Busy) TryTake(string userId)
    {
        var mine = perPerson.AttemptAcquire(userId);
        if (!mine.IsAcquired) return (null, YoursRunning);
        var shared = inAll.AttemptAcquire();
        if (shared.IsAcquired) return (new Slot(mine, shared), null);
        mine.Dispose();
        return (null, ServerBusy);
    }

    public void Dispose()
    {
        perPerson.Dispose();
        inAll.Dispose();
    }

    private sealed class Slot(RateLimitLease mine, RateLimitLease shared) : IDisposable
    {
        public void Dispose()
        {
            shared.Dispose();
            mine.Dispose();
        }
    }
}
