using Annotate.Shared;
using Annotate.Web.Features.Annotations;

namespace Annotate.Web.Realtime;

/// <summary>
/// An import stored <see cref="Annotations"/> on the document (threads before their replies): for each, what
/// an <see cref="AnnotationEvent"/> of kind Created would say, in one event. An import stores up to 10,000
/// at once; as one event it takes one place in each subscriber's queue, an open page takes it in with one
/// redraw, and each hub connection gets its <c>annotationCreated</c> messages as one entry of its queue.
/// </summary>
public sealed record AnnotationsImportedEvent(int DocumentId, IReadOnlyList<AnnotationView> Annotations) : FeedEvent(DocumentId)
{
    /// <summary>What of the import one viewer may see, in order.</summary>
    public IEnumerable<AnnotationView> VisibleTo(Viewer viewer) => Annotations.Where(a => a.CanBeSeenBy(viewer));
}
