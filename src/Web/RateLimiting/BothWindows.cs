using System.Threading.RateLimiting;

namespace Annotate.Web.RateLimiting;

/// <summary>
/// Two partitioned limiters that must both give a permit: the person's window and the address's.
/// Unlike <c>PartitionedRateLimiter.CreateChained</c>, a refused attempt takes nothing from either side:
/// a person behind a busy shared address would otherwise pay for every refusal the address earned.
/// Nothing here queues.
/// </summary>
internal sealed class BothWindows<TResource>(PartitionedRateLimiter<TResource> first, PartitionedRateLimiter<TResource> second)
    : PartitionedRateLimiter<TResource>
{
    public override RateLimiterStatistics? GetStatistics(TResource resource) => first.GetStatistics(resource);

    /// <summary>Whether <paramref name="limiter"/> has no permit left for <paramref name="resource"/>.</summary>
    public static bool IsEmpty(PartitionedRateLimiter<TResource> limiter, TResource resource) =>
        limiter.GetStatistics(resource)?.CurrentAvailablePermits <= 0;

    protected override RateLimitLease AttemptAcquireCore(TResource resource, int permitCount)
    {
        // An empty side refuses at once (its failed lease carries the wait) and the other keeps its permit.
        if (IsEmpty(first, resource)) return first.AttemptAcquire(resource, permitCount);
        if (IsEmpty(second, resource)) return second.AttemptAcquire(resource, permitCount);
        var one = first.AttemptAcquire(resource, permitCount);
        if (!one.IsAcquired) return one;
        var other = second.AttemptAcquire(resource, permitCount);
        if (other.IsAcquired) return new BothLease(one, other);
        one.Dispose();
        return other;
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(TResource resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));

    private sealed class BothLease(RateLimitLease one, RateLimitLease other) : RateLimitLease
    {
        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            other.Dispose();
            one.Dispose();
        }
    }
}
