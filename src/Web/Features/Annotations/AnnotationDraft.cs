using Annotate.Shared;
using Annotate.Shared.Anchoring;

namespace Annotate.Web.Features.Annotations;

/// <summary>
/// What a person or client asks to store, before it is checked against the document. Either a
/// passage (<see cref="Quote"/> and/or <see cref="Position"/>) or a <see cref="ReplyTo"/>.
/// A null <see cref="Visibility"/> means "not said": the default for a new annotation, unchanged for an edit.
/// <see cref="AddresseeId"/> makes a teacher's feedback (motivation "assessing") private to one student.
/// </summary>
public sealed record AnnotationDraft(
    string Motivation,
    Visibility? Visibility,
    string Body,
    IReadOnlyList<string> Tags,
    TextQuoteSelector? Quote = null,
    TextPositionSelector? Position = null,
    Guid? ReplyTo = null,
    string? AddresseeId = null);
