using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Annotate.Web.Realtime.Redis;

/// <summary>
/// A feed event as it travels between instances: the instance that published it (so that it does not
/// deliver its own event twice), a tag naming the event's type, and the event. Only the events writers
/// publish have a tag; <see cref="Resync"/> is not an event but a request that every instance reloads.
/// </summary>
internal static class FeedEventJson
{
    /// <summary>The tag of the message an instance sends when its link to Redis came back (see RedisAnnotationFeed).</summary>
    public const string Resync = "resync";

    private static readonly Dictionary<Type, string> Tags = new()
    {
        [typeof(AnnotationEvent)] = "annotation",
        [typeof(AnnotationsImportedEvent)] = "imported",
        [typeof(DocumentRevisedEvent)] = "revised",
        [typeof(AnchoringProgressEvent)] = "anchoring",
        [typeof(FeedbackReadEvent)] = "feedback-read",
        [typeof(AccessChangedEvent)] = "access",
        [typeof(TagsChangedEvent)] = "tags",
        [typeof(NotificationEvent)] = "notification",
    };

    private static readonly Dictionary<string, Type> Types = Tags.ToDictionary(pair => pair.Value, pair => pair.Key);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>One message on the channel; <see cref="Event"/> is absent for <see cref="Resync"/>.</summary>
    public sealed record Envelope(string Instance, string Type, JsonElement? Event);

    public static byte[] Write(string instance, FeedEvent feedEvent)
    {
        var tag = Tags.TryGetValue(feedEvent.GetType(), out var known) ? known
            : throw new InvalidOperationException($"{feedEvent.GetType().Name} has no tag to travel between instances under.");
        // Written in one pass, the event straight into the envelope (the shape Envelope reads back), rather than
        // serialised to a JsonElement first and then serialised again inside the envelope.
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("instance", instance);
            writer.WriteString("type", tag);
            writer.WritePropertyName("event");
            JsonSerializer.Serialize(writer, feedEvent, feedEvent.GetType(), Options);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] WriteResync(string instance) => JsonSerializer.SerializeToUtf8Bytes(new Envelope(instance, Resync, null), Options);

    public static Envelope ReadEnvelope(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize<Envelope>(utf8, Options) ?? throw new JsonException("An empty message arrived on the feed's channel.");

    /// <summary>The event an envelope carries, or null for a tag this instance does not know (a newer version's).</summary>
    public static FeedEvent? ReadEvent(Envelope envelope) =>
        envelope.Event is { } json && Types.TryGetValue(envelope.Type, out var type) ? (FeedEvent?)json.Deserialize(type, Options) : null;

    /// <summary>Whether every event type a writer publishes can travel (a test keeps this true as events are added).</summary>
    public static IReadOnlyCollection<Type> TaggedTypes => Tags.Keys;
}
