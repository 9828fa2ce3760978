namespace Annotate.Web.Realtime;

/// <summary>
/// How far a reader may fall behind before it is let go (configuration section <c>Realtime</c>). Writers
/// never wait for readers; these bound what waits for each one.
/// </summary>
internal sealed class RealtimeOptions
{
    public const string Section = "Realtime";

    /// <summary>Events waiting for one open page (its circuit); past this the page reloads its discussion.</summary>
    public int SubscriberQueue { get; set; } = 1_000;

    /// <summary>
    /// Events waiting for the hub relay, which serves every hub connection; past this every hub connection is
    /// closed (its client reconnects and reads again). An import is one event however many annotations it stored.
    /// </summary>
    public int RelayQueue { get; set; } = 20_000;

    /// <summary>Messages waiting for one hub connection; past this, or <see cref="ConnectionQueueBytes"/>, it is closed.</summary>
    public int ConnectionQueue { get; set; } = 500;

    /// <summary>Bytes of messages waiting for one hub connection (on top of what its socket buffers hold).</summary>
    public long ConnectionQueueBytes { get; set; } = 1024 * 1024;

    public bool IsValid => SubscriberQueue > 0 && RelayQueue > 0 && ConnectionQueue > 0 && ConnectionQueueBytes > 0;
}
