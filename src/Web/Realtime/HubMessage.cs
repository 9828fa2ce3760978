using System.Text;
using Annotate.Web.Features.Annotations;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Annotate.Web.Realtime;

/// <summary>
/// One message for hub connections, made once and queued as is for each connection it goes to (the
/// visibility rule picks those). <see cref="Size"/> counts against a connection's byte budget.
/// </summary>
internal sealed record HubMessage(string Method, object?[] Arguments, long Size)
{
    /// <summary>
    /// The invocation as SignalR frames it, written once per protocol (JSON, for our clients) by the first
    /// connection that sends it and copied as bytes by every other one, as a group send does.
    /// </summary>
    public SerializedHubMessage Serialized { get; } = new(new InvocationMessage(Method, Arguments));

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
}
