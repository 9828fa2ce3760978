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

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");
}
