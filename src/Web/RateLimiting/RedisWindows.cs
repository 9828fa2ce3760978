using Annotate.Web.Realtime.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Annotate.Web.RateLimiting;

/// <summary>
/// The rate-limit windows of several instances, counted in Redis, so that a person who reaches two instances
/// gets one allowance, not two. The same fixed windows as in memory: a counter per policy and person and one
/// per policy and address, each expiring a window after its first attempt; one script checks both and counts
/// only when both allow, so a refused attempt takes nothing from either side (see <see cref="BothWindows{TResource}"/>).
/// When Redis cannot answer, the attempt goes ahead (the limits fail open) and a warning says so once.
/// </summary>
internal sealed class RedisWindows(IConnectionMultiplexer redis, IOptions<RedisOptions> options, ILogger<RedisWindows> logger)
{
    // KEYS: the person's counter, the address's. ARGV: their limits (0: not counted), the window in milliseconds.
    // Answers {0, 0} when counted, or {side, milliseconds until that side's window ends} when refused.
    private const string Script = """
        local window = tonumber(ARGV[3])
        for side = 1, 2 do
          local limit = tonumber(ARGV[side])
          if limit > 0 and tonumber(redis.call('GET', KEYS[side]) or '0') >= limit then
            local wait = redis.call('PTTL', KEYS[side])
            if wait < 0 then
              redis.call('PEXPIRE', KEYS[side], window)
              wait = window
            end
            return {side, wait}
          end
        end
        for side = 1, 2 do
          if tonumber(ARGV[side]) > 0 and redis.call('INCR', KEYS[side]) == 1 then redis.call('PEXPIRE', KEYS[side], window) end
        end
        return {0, 0}
        """;

    /// <summary>How long an attempt waits for Redis before it goes ahead uncounted; Redis answers in well under a millisecond when it is well.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(1);

    private readonly string prefix = $"{options.Value.Prefix}:rate";
    private int failing;

    /// <summary>Counts the attempt in both windows, or says which refused and how long it has to run.</summary>
    public async Task<RateLimitVerdict> AcquireAsync(RateLimitRequest request, RateLimitSettings settings)
    {
        var personLimit = request.Person is null ? 0 : settings.PermitLimit;
        var addressLimit = request.Address is null ? 0 : settings.AddressPermitLimit;
        if (personLimit == 0 && addressLimit == 0) return RateLimitVerdict.Allow;
        if (!redis.IsConnected) return FailOpen(null);
        try
        {
            RedisKey[] keys = [$"{prefix}:{request.Policy}:person:{request.Person}", $"{prefix}:{request.Policy}:address:{request.Address}"];
            var answer = (long[])(await redis.GetDatabase()
                .ScriptEvaluateAsync(Script, keys, [personLimit, addressLimit, Math.Max(1, (long)settings.Window.TotalMilliseconds)])
                .WaitAsync(Patience))!;
            if (Interlocked.Exchange(ref failing, 0) == 1) logger.LogInformation("Rate limits are counted in Redis again");
            if (answer[0] == 0) return RateLimitVerdict.Allow;
            var retryAfter = TimeSpan.FromMilliseconds(answer[1]);
            return new RateLimitVerdict(false, retryAfter, RateLimits.Sentence(request.Policy, fromAddress: answer[0] == 2, retryAfter));
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException)
        {
            return FailOpen(exception);
        }
    }

    /// <summary>Better to let people work than to lock everyone out while Redis is away; said once per outage.</summary>
    private RateLimitVerdict FailOpen(Exception? exception)
    {
        if (Interlocked.Exchange(ref failing, 1) == 0)
            logger.LogWarning(exception, "Redis cannot count rate limits: attempts go ahead uncounted (the limits fail open) until it is back");
        return RateLimitVerdict.Allow;
    }
}
