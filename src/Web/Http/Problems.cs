using Annotate.Web.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Web;

/// <summary>RFC 9457 problem+json answers whose detail is a sentence a person understands.</summary>
internal static class Problems
{
    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "The request cannot be used");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult PreconditionFailed(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status412PreconditionFailed, title: "Changed by someone else");

    public static ProblemHttpResult PreconditionRequired(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status428PreconditionRequired, title: "Say which version you change");

    public static ProblemHttpResult UnsupportedMediaType(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Changed meanwhile");

    public static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");

    public static ProblemHttpResult NotDone(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status500InternalServerError, title: "Not done");

    /// <summary>
    /// The one place a service's refusal becomes an HTTP answer. <see cref="Failure.Busy"/> is 429: the endpoint that
    /// can be busy also says when to come back (<c>Retry-After</c>), which only it knows.
    /// </summary>
    public static ProblemHttpResult For(ServiceProblem problem) => problem.Failure switch
    {
        Failure.NotFound => NotFound(problem.Message),
        Failure.Invalid => BadRequest(problem.Message),
        Failure.Forbidden => Forbidden(problem.Message),
        Failure.Stale => PreconditionFailed(problem.Message),
        Failure.Conflict => Conflict(problem.Message),
        Failure.TooLarge => TooLarge(problem.Message),
        Failure.Busy => TypedResults.Problem(detail: problem.Message, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests"),
        Failure.NotStored => NotDone(problem.Message),
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem.Failure, "A failure without an HTTP status."),
    };

    /// <summary>200 with the service's value, or its problem.</summary>
    public static Results<Ok<T>, ProblemHttpResult> OkOr<T>(ServiceResult<T> result) =>
        result.Problem is { } problem ? For(problem) : TypedResults.Ok(result.Value!);

    /// <summary>204 when the service did it, or its problem.</summary>
    public static Results<NoContent, ProblemHttpResult> NoContentOr(ServiceResult result) =>
        result.Problem is { } problem ? For(problem) : TypedResults.NoContent();

    /// <summary>The sentence for a problem answered without one, by the framework rather than our handlers.</summary>
    public static string? DefaultDetail(int? status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request could not be read: send a JSON body in the shape this endpoint documents.",
        StatusCodes.Status401Unauthorized => "Sign in first: send a bearer token from /api/auth/login, or the session cookie.",
        StatusCodes.Status403Forbidden => "You are not allowed to do this.",
        StatusCodes.Status404NotFound => "There is nothing at this address that you can see.",
        StatusCodes.Status405MethodNotAllowed => "This address does not take that HTTP method.",
        StatusCodes.Status415UnsupportedMediaType => "Send the request body as JSON (Content-Type: application/json or application/ld+json).",
        _ => null,
    };
}
