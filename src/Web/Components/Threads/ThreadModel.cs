using Annotate.Shared.Anchoring;
using Annotate.Web.Features.Annotations;

namespace Annotate.Web.Components.Threads;

/// <summary>A thread as the sidebar shows it: its first annotation, where it sits, and its replies in time order.</summary>
public sealed record ThreadModel(AnnotationView Root, TextSpan? Span, int? ParagraphNumber, IReadOnlyList<AnnotationView> Replies)
{
    public Guid Id => Root.Id;
}
