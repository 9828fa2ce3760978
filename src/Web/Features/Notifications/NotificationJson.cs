using System.Text.Json.Nodes;
using Annotate.Shared.Notifications;
using Annotate.Web.Features.Annotations;

namespace Annotate.Web.Features.Notifications;

/// <summary>
/// A notification as the API and the hub's <c>notificationCreated</c> carry it (contract §6, docs/api.md): one that is
/// no longer available says only its id, kind, time and whether it was read.
/// </summary>
internal static class NotificationJson
{
    public static JsonObject Write(NotificationItem item, string origin)
    {
        var json = new JsonObject
        {
            ["id"] = item.Id,
            ["kind"] = item.Kind.Name(),
            ["created"] = item.Created,
            ["read"] = item.Read,
            ["available"] = item.Available,
            ["summary"] = item.Summary,
            ["actor"] = null,
            ["documentId"] = item.DocumentId,
            ["annotation"] = null,
        };
        if (!item.Available) return json;
        if (item.ActorId is not null)
            json["actor"] = new JsonObject { ["id"] = AnnotationJsonWriter.UserIri(origin, item.ActorId), ["type"] = "Person", ["name"] = item.ActorName };
        if (item.Annotation is { } annotation) json["annotation"] = AnnotationJsonWriter.Write(annotation, origin, withContext: false);
        json["seminarId"] = item.SeminarId;
        json["seminarName"] = item.SeminarName;
        json["documentTitle"] = item.DocumentTitle;
        json["passage"] = item.Passage;
        json["text"] = item.Text;
        json["link"] = $"{origin}/{item.Href}";
        return json;
    }
}
