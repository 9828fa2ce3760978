using System.Text.Json;
using Annotate.Shared;
using Annotate.Shared.Anchoring;
using Annotate.Shared.W3c;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Import;

/// <summary>
/// One annotation read from an import file, in Annotate's terms, before it is checked and placed on the
/// text. Either a passage (<see cref="Quote"/> and/or <see cref="Position"/>) or a reply
/// (<see cref="ReplyTo"/>, the source id of the annotation it answers). An item the reader could not make
/// sense of carries only its <see cref="Problem"/>.
/// </summary>
internal sealed record ImportItem(int Index, string? SourceId)
{
    /// <summary>Why this item cannot be imported; when set, nothing else is.</summary>
    public string? Problem { get; init; }

    public string Motivation { get; init; } = Motivations.Commenting;
    public string Body { get; init; } = "";
    public IReadOnlyList<string> Tags { get; init; } = [];
    public TextQuoteSelector? Quote { get; init; }
    public TextPositionSelector? Position { get; init; }
    public string? ReplyTo { get; init; }

    /// <summary>Who wrote it in the source: kept as attribution, since the importer becomes its author here.</summary>
    public string? AttributedTo { get; init; }
    public DateTimeOffset? Created { get; init; }
    public DateTimeOffset? Modified { get; init; }

    /// <summary>The visibility the source gave it, when it says; an import never widens it.</summary>
    public Visibility? Visibility { get; init; }

    public bool IsReply => ReplyTo is not null;

    public static ImportItem Rejected(int index, string? sourceId, string problem) => new(index, sourceId) { Problem = problem };

    /// <summary>
    /// What every source format asks first: an object, with a string "id" when it has one. The rejection
    /// when it is not; null (and the id) when the reader can go on.
    /// </summary>
    public static ImportItem? RejectShape(JsonElement json, int index, out string? id)
    {
        id = null;
        if (json.ValueKind != JsonValueKind.Object)
            return Rejected(index, null, Words.Text("Import.NotAnObject"));
        return AnnotationJsonReader.TryString(json, "id", out id) ? null
            : Rejected(index, null, Words.Text("Import.IdNotString"));
    }
}
