using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Web;

/// <summary>Reads an upload's form, where a malformed or oversized body is the client's mistake (400, 413), not a server error.</summary>
internal static class Forms
{
    public static async Task<(IFormCollection? Form, ProblemHttpResult? Problem)> TryReadFormAsync(this HttpRequest request)
    {
        try
        {
            return (await request.ReadFormAsync(request.HttpContext.RequestAborted), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.TooLarge("The upload is larger than this server accepts."));
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // No boundary in Content-Type, a part without headers, a body that ends before its closing boundary.
            return (null, Problems.BadRequest("The upload could not be read as multipart/form-data: check the boundary in Content-Type and the parts of the body."));
        }
    }
}
