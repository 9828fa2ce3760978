using Annotate.Shared;
using Annotate.Web.Features.Annotations;

namespace Annotate.Web.Realtime;

public enum AnnotationEventKind { Created, Updated, Deleted }

/// <summary>
/// Something happened to an annotation. <see cref="Previous"/> is the annotation before an update, so a
/// reader who could see it before and cannot now is told it is gone (and the other way round).
/// </summary>
public sealed record AnnotationEvent(AnnotationEventKind Kind, AnnotationView Annotation, AnnotationView? Previous = null)
    : FeedEvent(Annotation.DocumentId)
{
    /// <summary>What this event means to one viewer, or null when it must not reach them at all.</summary>
    public AnnotationEventKind? KindFor(Viewer viewer)
    {
        var seesNow = Annotation.CanBeSeenBy(viewer);
        if (Kind != AnnotationEventKind.Updated) return seesNow ? Kind : null;
        var sawBefore = Previous?.CanBeSeenBy(viewer) ?? seesNow;
        return (sawBefore, seesNow) switch
        {
            (true, true) => AnnotationEventKind.Updated,
            (false, true) => AnnotationEventKind.Created,
            (true, false) => AnnotationEventKind.Deleted,
            _ => null,
        };
    }
}
