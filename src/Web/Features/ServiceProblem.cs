namespace Annotate.Web.Features;

/// <summary>Why a service did nothing, with the sentence a person reads (an API's problem detail, a page's message).</summary>
public sealed record ServiceProblem(Failure Failure, string Message)
{
    public static ServiceProblem NotFound(string message) => new(Failure.NotFound, message);
    public static ServiceProblem Invalid(string message) => new(Failure.Invalid, message);
    public static ServiceProblem Forbidden(string message) => new(Failure.Forbidden, message);
    public static ServiceProblem Stale(string message) => new(Failure.Stale, message);
}
