using Annotate.Web.Resources;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Annotate.Web.RateLimiting;

/// <summary>
/// Every rate limit of the app in one place, so that the HTTP pipeline (API endpoints), the sign-in and
/// registration forms and the circuit (Markdown preview, the join page, the import dialog) count against
/// the same windows. An attempt takes a permit from the person's window and one from the address's
/// window (ASP.NET Core's fixed-window limiters, both asked); without both, it is refused. With several
/// instances (Redis configured) the windows are counted in Redis instead (<see cref="RedisWindows"/>).
/// </summary>
internal sealed class RateLimits : IDisposable
{
    private readonly RateLimitOptions options;
    private readonly RedisWindows? shared;
    private readonly PartitionedRateLimiter<RateLimitRequest> byPerson;
    private readonly PartitionedRateLimiter<RateLimitRequest> byAddress;
    private readonly PartitionedRateLimiter<RateLimitRequest> both;

    public RateLimits(IOptions<RateLimitOptions> options, RedisWindows? shared = null)
    {
        this.options = options.Value;
        this.shared = shared;
        if (this.options.Check() is { } problem) throw new InvalidOperationException(problem);
        byPerson = PartitionedRateLimiter.Create<RateLimitRequest, (RateLimitPolicy, string)>(request =>
            Window(request.Policy, request.Person, this.options.For(request.Policy).PermitLimit));
        byAddress = PartitionedRateLimiter.Create<RateLimitRequest, (RateLimitPolicy, string)>(request =>
            Window(request.Policy, request.Address, this.options.For(request.Policy).AddressPermitLimit));
        both = new BothWindows<RateLimitRequest>(byPerson, byAddress);
    }

    public bool Enabled => options.Enabled;

    /// <summary>Takes a permit for the attempt, or says how long to wait and why.</summary>
    public async ValueTask<RateLimitVerdict> AcquireAsync(RateLimitRequest request)
    {
        if (!options.Enabled || request.Policy == RateLimitPolicy.None) return RateLimitVerdict.Allow;
        if (shared is not null) return await shared.AcquireAsync(request, options.For(request.Policy));
        // Fixed-window permits are not given back: what counts is how many attempts were made.
        using var lease = both.AttemptAcquire(request);
        return lease.IsAcquired ? RateLimitVerdict.Allow : Refused(request, lease);
    }

    /// <summary>What a request counts as: nothing unless its endpoint names a policy (<see cref="RateLimitedEndpoint"/>).</summary>
    public static RateLimitRequest RequestOf(HttpContext context)
    {
        var policy = context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedEndpoint>()?.Policy ?? RateLimitPolicy.None;
        var address = context.Connection.RemoteIpAddress;
        return policy switch
        {
            RateLimitPolicy.None => RateLimitRequest.Unlimited,
            // The account is in the body, which the pipeline has not read yet: the sign-in endpoint counts it itself.
            RateLimitPolicy.SignIn or RateLimitPolicy.Register => RateLimitRequest.ForAddress(policy, address),
            _ => RateLimitRequest.ForUser(policy, context.User.UserIdOrNull(), address),
        };
    }

    /// <summary>Why a lease was refused and for how long, told apart by which side has no permit left.</summary>
    private RateLimitVerdict Refused(RateLimitRequest request, RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.For(request.Policy).Window;
        // The person's side is asked first (see BothWindows): when it still has permits, the address refused.
        var fromAddress = !BothWindows<RateLimitRequest>.IsEmpty(byPerson, request);
        return new RateLimitVerdict(false, retryAfter, Sentence(request.Policy, fromAddress, retryAfter));
    }

    /// <summary>"Too many sign-in attempts from here. Try again in 40 seconds."</summary>
    internal static string Sentence(RateLimitPolicy policy, bool fromAddress, TimeSpan retryAfter)
    {
        var what = policy switch
        {
            RateLimitPolicy.SignIn or RateLimitPolicy.Register or RateLimitPolicy.Join or RateLimitPolicy.AnnotationWrites
                or RateLimitPolicy.Import or RateLimitPolicy.Export or RateLimitPolicy.Preview or RateLimitPolicy.Search => policy.ToString(),
            _ => "Other",
        };
        // One whole sentence per case (word order differs between languages): from here, for this account, in a short time.
        var where = fromAddress ? "FromHere" : policy == RateLimitPolicy.SignIn ? "Account" : "ShortTime";
        return Words.Text($"RateLimit.{what}.{where}", TooManyRequests.InWords(retryAfter));
    }

    private RateLimitPartition<(RateLimitPolicy, string)> Window(RateLimitPolicy policy, string? key, int permitLimit) =>
        key is null || permitLimit == 0
            ? RateLimitPartition.GetNoLimiter((policy, ""))
            : RateLimitPartition.GetFixedWindowLimiter((policy, key), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permitLimit,
                Window = options.For(policy).Window,
                QueueLimit = 0,
            });

    public void Dispose()
    {
        both.Dispose();
        byPerson.Dispose();
        byAddress.Dispose();
    }
}
