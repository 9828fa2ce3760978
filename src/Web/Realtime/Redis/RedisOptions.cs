namespace Annotate.Web.Realtime.Redis;

/// <summary>
/// The <c>Redis</c> section, read when <c>ConnectionStrings:Redis</c> is set: how this installation names its
/// channels and keys, and how long another instance's "Reading now" entries last without a refresh.
/// </summary>
internal sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>The start of every channel and key of this installation, so that installations sharing a Redis do not meet.</summary>
    public string ChannelPrefix { get; set; } = "annotate";

    /// <summary>
    /// How long an instance's readers stay in "Reading now" on the other instances after its last refresh: an
    /// instance that dies (or loses Redis) stops refreshing, and its readers disappear at most this long after.
    /// </summary>
    public double PresenceExpirySeconds { get; set; } = 30;

    /// <summary>How often an instance refreshes its readers (and looks again at the others'); below the expiry.</summary>
    public double PresenceHeartbeatSeconds { get; set; } = 10;

    public TimeSpan PresenceExpiry => TimeSpan.FromSeconds(PresenceExpirySeconds);

    public TimeSpan PresenceHeartbeat => TimeSpan.FromSeconds(PresenceHeartbeatSeconds);

    /// <summary>The prefix as used: trimmed, the default when blank.</summary>
    public string Prefix => string.IsNullOrWhiteSpace(ChannelPrefix) ? "annotate" : ChannelPrefix.Trim();

    /// <summary>The sentence for settings that cannot work, or null.</summary>
    public string? Check() =>
        PresenceHeartbeatSeconds > 0 && PresenceExpirySeconds > PresenceHeartbeatSeconds ? null
            : $"{Section}:PresenceHeartbeatSeconds ({PresenceHeartbeatSeconds}) must be more than 0 and less than {Section}:PresenceExpirySeconds ({PresenceExpirySeconds}), or an instance's readers would expire between its refreshes.";
}
