using System.Text;
using Annotate.Web.Features.Annotations;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Annotate.Web.Realtime;

/// <summary>
/// One message for hub connections, made once and queued as is for each connection it goes to (the
/// visibility rule picks those). <see cref="Size"/> counts against a connection's byte budget. A batch
/// (<see cref="Parts"/>) is several messages queued as one entry and written one after another.
/// </summary>
internal sealed record HubMessage(string Method, object?[] Arguments, long Size)
{
    private SerializedHubMessage? serialized;

    /// <summary>
    /// The invocation as SignalR frames it, written once per protocol (JSON, for our clients) by the first
    /// connection that sends it and copied as bytes by every other one, as a group send does. Made on first
    /// use (one instance wins if two writers race): a batch is never framed itself, only its parts.
    /// </summary>
    public SerializedHubMessage Serialized =>
        LazyInitializer.EnsureInitialized(ref serialized, () => new SerializedHubMessage(new InvocationMessage(Method, Arguments)));

    /// <summary>The messages of a batch, in order; null for a single message.</summary>
    public IReadOnlyList<HubMessage>? Parts { get; private init; }

    /// <summary>An annotation as the API shows it, serialised once for every recipient on <paramref name="origin"/>.</summary>
    public static HubMessage Annotation(string method, AnnotationView annotation, string origin)
    {
        var json = new PreparedJson(AnnotationJsonWriter.WriteUtf8(annotation, origin));
        return new HubMessage(method, [json], json.Utf8.Length);
    }

    public static HubMessage Deleted(Guid annotationId, string origin)
    {
        var iri = AnnotationJsonWriter.AnnotationIri(origin, annotationId);
        return new HubMessage("annotationDeleted", [iri], Encoding.UTF8.GetByteCount(iri));
    }

    public static HubMessage TagsChanged(int seminarId) => new("tagsChanged", [seminarId], 8);
    /// <summary>A user's new notification (<c>notificationCreated</c>), as the API shows it.</summary>
    public static HubMessage Notification(System.Text.Json.Nodes.JsonObject notification)
    {
        var json = new PreparedJson(Encoding.UTF8.GetBytes(notification.ToJsonString()));
        return new HubMessage("notificationCreated", [json], json.Utf8.Length);
    }

    public static HubMessage Revised(int documentId, int revision) => new("documentRevised", [documentId, revision], 16);

    /// <summary>
    /// Messages that arrive together (an import's annotations) as one entry of a connection's queue: a
    /// connection that keeps up takes any number of them, where one message each would overflow its queue.
    /// </summary>
    public static HubMessage Batch(IReadOnlyList<HubMessage> parts) => new("", [], parts.Sum(p => p.Size)) { Parts = parts };

    /// <summary>
    /// Writes the framed message to the connection, or each message of the batch in turn. Writes that land in
    /// the connection's pipe complete at once, so a batch to a connection that keeps up is written on the
    /// caller's thread; one that has to wait finishes the batch once the pipe has room.
    /// </summary>
    public ValueTask WriteAsync(HubConnectionContext connection, CancellationToken cancellationToken) =>
        Parts is null ? connection.WriteAsync(Serialized, cancellationToken) : WritePartsAsync(Parts, connection, cancellationToken);

    private static async ValueTask WritePartsAsync(IReadOnlyList<HubMessage> parts, HubConnectionContext connection, CancellationToken cancellationToken)
    {
        foreach (var part in parts) await connection.WriteAsync(part.Serialized, cancellationToken);
    }
}
