using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Annotate.Web.Realtime.Redis;

/// <summary>
/// "Reading now" across instances. Each instance keeps one field per document in the Redis hash
/// <c>{prefix}:presence:{document}</c>: its readers of the document and when (by Redis's clock) they expire.
/// It writes the field at once when someone arrives or leaves here, telling the others on the channel
/// <c>{prefix}:presence</c> so that they read the hash again, and rewrites it every heartbeat, reading again
/// then every document its own pages show. An instance that dies stops refreshing: its field expires, and
/// each instance wakes at the earliest expiry it knows of, so the dead instance's readers leave every page
/// within the expiry. With Redis away, the readers here stay, the others' expire as they would, and every
/// heartbeat tries again. Which page may see the list at all is the page's business, as on one instance.
/// </summary>
internal sealed class RedisPresence(ReadingPresence presence, IConnectionMultiplexer redis, IOptions<RedisOptions> options,
    TimeProvider clock, ILogger<RedisPresence> logger) : BackgroundService
{
    // The deadline is written by Redis's clock (TIME), so instances whose clocks differ still agree on it.
    private const string WriteScript = """
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        local ttl = tonumber(ARGV[3])
        redis.call('HSET', KEYS[1], ARGV[1], string.format('%.0f', now + ttl) .. '|' .. ARGV[2])
        if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
        return 1
        """;

    // Every instance's field that has not expired, as (instance, milliseconds left, readers); expired ones are removed.
    private const string ReadScript = """
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        local fields = redis.call('HGETALL', KEYS[1])
        local live = {}
        for i = 1, #fields, 2 do
          local value = fields[i + 1]
          local bar = string.find(value, '|', 1, true)
          local deadline = bar and tonumber(string.sub(value, 1, bar - 1)) or 0
          if deadline <= now then
            redis.call('HDEL', KEYS[1], fields[i])
          else
            live[#live + 1] = fields[i]
            live[#live + 1] = string.format('%.0f', deadline - now)
            live[#live + 1] = string.sub(value, bar + 1)
          end
        end
        return live
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>This process in Redis; new at every start, so a restarted instance does not take over a dead one's entries.</summary>
    private readonly string instance = Guid.NewGuid().ToString("N");
    private readonly RedisOptions settings = options.Value;
    private readonly ConcurrentDictionary<int, byte> changedHere = new();
    private readonly ConcurrentDictionary<int, byte> changedElsewhere = new();
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    // Only the loop (and, after it ended, StopAsync) touches these two.
    private readonly Dictionary<int, List<(ReadingPresence.Reader Reader, DateTimeOffset Until)>> others = new();
    private readonly HashSet<int> written = new();

    private volatile bool beatNow = true;
    private int failing;

    private RedisChannel Notices => RedisChannel.Literal($"{settings.Prefix}:presence");

    private RedisKey KeyOf(int documentId) => $"{settings.Prefix}:presence:{documentId}";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        presence.ChangedHere += OnChangedHere;
        redis.ConnectionRestored += OnConnectionRestored;
        try
        {
            await redis.GetSubscriber().SubscribeAsync(Notices, OnNotice);
        }
        catch (RedisException exception)
        {
            // The multiplexer subscribes again when it connects; until then the heartbeat alone brings news.
            logger.LogWarning(exception, "Could not subscribe to {Channel}: readers on other instances appear at the heartbeat only, until it can", Notices);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextBeat = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var beat = beatNow || clock.GetUtcNow() >= nextBeat;
            if (beat)
            {
                beatNow = false;
                nextBeat = clock.GetUtcNow() + settings.PresenceHeartbeat;
            }
            // Readers about to lapse are asked about once more: if their instance is alive it has refreshed them.
            foreach (var documentId in Lapsed()) changedElsewhere.TryAdd(documentId, 0);
            await SyncAsync(beat);
            ForgetLapsed();
            var earliest = others.Values.SelectMany(entries => entries).Select(e => e.Until).Append(nextBeat).Min();
            await WaitAsync(earliest - clock.GetUtcNow(), stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        presence.ChangedHere -= OnChangedHere;
        redis.ConnectionRestored -= OnConnectionRestored;
        await base.StopAsync(cancellationToken);
        if (written.Count == 0 || !redis.IsConnected) return;
        // Leaving on purpose: the others drop this instance's readers now rather than at the expiry.
        try
        {
            var database = redis.GetDatabase();
            await Task.WhenAll(written.Select(documentId => database.HashDeleteAsync(KeyOf(documentId), instance)));
            foreach (var documentId in written) Notify(documentId);
            await redis.GetSubscriber().UnsubscribeAsync(Notices, OnNotice);
        }
        catch (Exception exception) when (exception is RedisException or ObjectDisposedException)
        {
            logger.LogWarning(exception, "Could not take this instance's readers out of Redis on the way out; they expire within {Expiry}", settings.PresenceExpiry);
        }
    }

    /// <summary>Writes what changed here (every document read here, at a heartbeat) and reads what may have changed elsewhere.</summary>
    private async Task SyncAsync(bool beat)
    {
        var changed = Take(changedHere);
        var readHere = presence.DocumentsReadHere();
        var write = beat ? changed.Union(readHere).ToList() : changed;
        var read = changed.Union(Take(changedElsewhere)).Union(beat ? readHere : []).Where(presence.IsReadHere).ToList();
        if (write.Count == 0 && read.Count == 0) return;
        try
        {
            if (!redis.IsConnected) throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Redis is not connected.");
            var database = redis.GetDatabase();
            foreach (var (documentId, present) in await Task.WhenAll(write.Select(documentId => WriteAsync(database, documentId))))
                if (present) written.Add(documentId);
                else written.Remove(documentId);
            foreach (var documentId in changed) Notify(documentId);
            var found = await Task.WhenAll(read.Select(async documentId => (documentId, await ReadAsync(database, documentId))));
            foreach (var (documentId, entries) in found) Remember(documentId, entries);
            if (Interlocked.Exchange(ref failing, 0) == 1) logger.LogInformation("Presence is shared through Redis again");
        }
        catch (Exception exception)
        {
            // Presence never takes the app down. Written at the next heartbeat (with every document read here
            // then), or sooner if something changes.
            foreach (var documentId in changed) changedHere.TryAdd(documentId, 0);
            if (Interlocked.Exchange(ref failing, 1) == 0)
                logger.LogWarning(exception, "Could not share \"Reading now\" through Redis: other instances' readers expire within {Expiry} until it is back", settings.PresenceExpiry);
        }
        // Nobody reads these here any more: what others do there no longer matters to this instance.
        foreach (var documentId in others.Keys.Where(d => !presence.IsReadHere(d)).ToList()) Remember(documentId, []);
    }

    /// <summary>This instance's field of the document: its readers there, or none; answers whether the field is there now.</summary>
    private async Task<(int DocumentId, bool Present)> WriteAsync(IDatabase database, int documentId)
    {
        var readers = presence.ReadersHere(documentId);
        if (readers.Count == 0)
        {
            await database.HashDeleteAsync(KeyOf(documentId), instance);
            return (documentId, false);
        }
        var json = JsonSerializer.Serialize(readers, Json);
        await database.ScriptEvaluateAsync(WriteScript, [KeyOf(documentId)], [instance, json, (long)settings.PresenceExpiry.TotalMilliseconds]);
        return (documentId, true);
    }

    private async Task<List<(ReadingPresence.Reader, DateTimeOffset)>> ReadAsync(IDatabase database, int documentId)
    {
        var fields = (RedisResult[])(await database.ScriptEvaluateAsync(ReadScript, [KeyOf(documentId)]))!;
        var now = clock.GetUtcNow();
        var entries = new List<(ReadingPresence.Reader, DateTimeOffset)>();
        for (var i = 0; i + 2 < fields.Length; i += 3)
        {
            if ((string?)fields[i] == instance) continue;
            var until = now + TimeSpan.FromMilliseconds((long)fields[i + 1]);
            try
            {
                foreach (var reader in JsonSerializer.Deserialize<List<ReadingPresence.Reader>>((string)fields[i + 2]!, Json) ?? [])
                    entries.Add((reader, until));
            }
            catch (JsonException exception)
            {
                logger.LogWarning(exception, "Skipped the unreadable readers of instance {Instance} on document {Document}", (string?)fields[i], documentId);
            }
        }
        return entries;
    }

    private void Remember(int documentId, List<(ReadingPresence.Reader Reader, DateTimeOffset Until)> entries)
    {
        if (entries.Count == 0) others.Remove(documentId);
        else others[documentId] = entries;
        presence.SetElsewhere(documentId, entries.Select(e => e.Reader).Distinct().ToList());
    }

    private List<int> Lapsed()
    {
        var now = clock.GetUtcNow();
        return others.Where(d => d.Value.Exists(e => e.Until <= now)).Select(d => d.Key).ToList();
    }

    /// <summary>Readers whose instance has not refreshed them in time leave, whether or not Redis could be asked.</summary>
    private void ForgetLapsed()
    {
        var now = clock.GetUtcNow();
        foreach (var (documentId, entries) in others.ToList())
            if (entries.RemoveAll(e => e.Until <= now) > 0) Remember(documentId, entries);
    }

    private async Task WaitAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        if (delay > TimeSpan.Zero)
        {
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            await Task.WhenAny(Task.Delay(delay, clock, waiting.Token), wake.Reader.WaitToReadAsync(waiting.Token).AsTask());
            await waiting.CancelAsync();
        }
        wake.Reader.TryRead(out _);
    }

    private void Notify(int documentId) =>
        redis.GetSubscriber().Publish(Notices, $"{instance} {documentId}", CommandFlags.FireAndForget);

    private void OnChangedHere(int documentId)
    {
        changedHere.TryAdd(documentId, 0);
        wake.Writer.TryWrite(true);
    }

    private void OnNotice(RedisChannel channel, RedisValue message)
    {
        var parts = ((string?)message)?.Split(' ');
        if (parts is not [var from, var document] || from == instance || !int.TryParse(document, out var documentId)) return;
        if (!presence.IsReadHere(documentId)) return;
        changedElsewhere.TryAdd(documentId, 0);
        wake.Writer.TryWrite(true);
    }

    /// <summary>Redis may have restarted empty: write everything again now rather than at the next heartbeat.</summary>
    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs args)
    {
        beatNow = true;
        wake.Writer.TryWrite(true);
    }

    private static List<int> Take(ConcurrentDictionary<int, byte> documents)
    {
        var taken = new List<int>();
        foreach (var documentId in documents.Keys)
            if (documents.TryRemove(documentId, out _)) taken.Add(documentId);
        return taken;
    }
}
