namespace Annotate.Web.Features;

/// <summary>
/// Why a service did nothing. Each kind has one HTTP status, chosen in <see cref="Problems.For"/> and nowhere
/// else; pages show the problem's sentence as it is.
/// </summary>
public enum Failure
{
    /// <summary>There is no such thing that the caller may see (404: never 403 for what is hidden).</summary>
    NotFound,
    /// <summary>The request cannot be used as it is (400).</summary>
    Invalid,
    /// <summary>The caller may see it but not do this, e.g. a student where a teacher is needed (403).</summary>
    Forbidden,
    /// <summary>Changed by someone else since the caller loaded it (412).</summary>
    Stale,
    /// <summary>Changed meanwhile in a way that makes this request wrong now (409).</summary>
    Conflict,
    /// <summary>Too large to take (413).</summary>
    TooLarge,
    /// <summary>Too much of this work is running; try again later (429 with Retry-After).</summary>
    Busy,
    /// <summary>The database failed while storing: nothing was stored (500).</summary>
    NotStored,
}
