using Annotate.Web.Features;
using Annotate.Web.Resources;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Web;

/// <summary>RFC 9457 problem+json answers whose detail is a sentence a person understands.</summary>
internal static class Problems
{
    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: Words.Text("Problem.TitleBadRequest"));

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: Words.Text("Problem.TitleNotFound"));

    public static ProblemHttpResult PreconditionFailed(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status412PreconditionFailed, title: Words.Text("Problem.TitleStale"));

    public static ProblemHttpResult PreconditionRequired(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status428PreconditionRequired, title: Words.Text("Problem.TitleNoVersion"));

    public static ProblemHttpResult UnsupportedMediaType(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status415UnsupportedMediaType, title: Words.Text("Problem.TitleMediaType"));

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: Words.Text("Problem.TitleForbidden"));

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: Words.Text("Problem.TitleConflict"));

    public static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: Words.Text("Problem.TitleTooLarge"));

    public static ProblemHttpResult NotDone(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status500InternalServerError, title: Words.Text("Problem.TitleNotDone"));

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
        Failure.Busy => TypedResults.Problem(detail: problem.Message, statusCode: StatusCodes.Status429TooManyRequests, title: Words.Text("Problem.TitleBusy")),
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
        StatusCodes.Status400BadRequest => Words.Text("Problem.Default400"),
        StatusCodes.Status401Unauthorized => Words.Text("Problem.Default401"),
        StatusCodes.Status403Forbidden => Words.Text("Problem.Default403"),
        StatusCodes.Status404NotFound => Words.Text("Problem.Default404"),
        StatusCodes.Status405MethodNotAllowed => Words.Text("Problem.Default405"),
        StatusCodes.Status415UnsupportedMediaType => Words.Text("Problem.Default415"),
        _ => null,
    };
}
