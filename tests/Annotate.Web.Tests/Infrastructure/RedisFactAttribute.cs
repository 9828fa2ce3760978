namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// A test that needs a real Redis (<see cref="RedisServer"/>): skipped when redis-server is not installed,
/// never on CI, where it runs and fails instead (a Redis test must not pass by being left out).
/// </summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.SkipReason(RedisServer.Installed, Environment.GetEnvironmentVariable("CI")) is { } reason) Skip = reason;
    }
}
