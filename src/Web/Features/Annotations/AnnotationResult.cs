namespace Annotate.Web.Features.Annotations;

public enum AnnotationFailure { NotFound, Invalid, Stale, Forbidden }

/// <summary>What a write gave: the stored annotation, or why nothing was stored (with a sentence to show).</summary>
public sealed record AnnotationResult(AnnotationView? Annotation, AnnotationFailure? Failure = null, string? Message = null)
{
    public static AnnotationResult Fail(AnnotationFailure failure, string message) => new(null, failure, message);
    public static AnnotationResult NotFound() => Fail(AnnotationFailure.NotFound, "There is no annotation with that id that you can see.");
}
