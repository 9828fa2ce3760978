using System.Text;
using Annotate.Web.Features.Annotations;
using Microsoft.AspNetCore.SignalR;

namespace Annotate.Web.Realtime;

/// <summary>
/// One message for hub connections, made once and queued as is for each connection it goes to (the
/// visibility rule picks those). <see cref="Size"/> counts against a connection's byte budget. A batch
/// (<see cref="Parts"/>) is several messages queued as one entry and sent one after another.
/// </summary>
internal sealed record HubMessage(string Method, object?[] Arguments, long Size)
{
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

    public static HubMessage Revised(int documentId, int revision) => new("documentRevised", [documentId, revision], 16);

    /// <summary>
    /// Messages that arrive together (an import's annotations) as one entry of a connection's queue: a
    /// connection that keeps up takes any number of them, where one message each would overflow its queue.
    /// </summary>
    public static HubMessage Batch(IReadOnlyList<HubMessage> parts) => new("", [], parts.Sum(p => p.Size)) { Parts = parts };

    /// <summary>Sends the message, or each message of the batch in turn.</summary>
    public async Task SendAsync(IClientProxy client, CancellationToken cancellationToken)
    {
        if (Parts is null)
        {
            await client.SendCoreAsync(Method, Arguments, cancellationToken);
            return;
        }
        foreach (var part in Parts) await client.SendCoreAsync(part.Method, part.Arguments, cancellationToken);
    }
}
