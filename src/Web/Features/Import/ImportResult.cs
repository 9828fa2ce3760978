namespace Annotate.Web.Features.Import;

public enum ImportFailure
{
    NotFound,
    Invalid,
    TooLarge,
    Conflict,
    /// <summary>Another import of the person's, or too many of everyone's, is running (429: try again when it has finished).</summary>
    Busy,
    /// <summary>The database failed while storing: nothing was stored (500).</summary>
    NotStored,
}

/// <summary>The report of an import, or why nothing at all was imported (with a sentence to show).</summary>
public sealed record ImportResult(ImportReport? Report, ImportFailure? Failure = null, string? Message = null)
{
    public static ImportResult Fail(ImportFailure failure, string message) => new(null, failure, message);
}
