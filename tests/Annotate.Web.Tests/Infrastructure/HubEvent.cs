using System.Text.Json;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>One message from the hub: the annotation JSON, or for a deletion the annotation's IRI.</summary>
public sealed record HubEvent(string Name, JsonElement Payload)
{
    public string? AnnotationIri => Payload.ValueKind == JsonValueKind.String ? Payload.GetString() : Payload.GetProperty("id").GetString();

    public override string ToString() => $"{Name}({AnnotationIri})";
}
