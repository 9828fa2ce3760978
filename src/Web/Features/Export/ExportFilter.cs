namespace Annotate.Web.Features.Export;

/// <summary>
/// Which threads of what the reader may see go into an export. Filters only ever narrow what the
/// visibility rule allows; none of them can add anything. All given filters must hold together.
/// </summary>
/// <remarks>
/// Threads are chosen whole (the first annotation with every reply the reader may see), so that every
/// reply keeps the passage and the words it answers:
/// <list type="bullet">
/// <item><see cref="OnlyMine"/> and <see cref="StudentId"/> choose threads the person started or replied
/// in: a teacher looking at one student wants their comments and their answers to others, in context.</item>
/// <item><see cref="GroupId"/> chooses threads started by a current member of the group.</item>
/// <item><see cref="From"/>/<see cref="To"/> (whole days in UTC, both included) look at when the thread
/// was started, or, with a person chosen, when one of that person's annotations in it was written.</item>
/// <item><see cref="Tag"/> chooses threads whose first annotation carries the tag (ignoring case).</item>
/// </list>
/// </remarks>
public sealed record ExportFilter
{
    public static ExportFilter Everything { get; } = new();

    /// <summary>Threads the reader started or replied in.</summary>
    public bool OnlyMine { get; init; }

    /// <summary>Threads this member started or replied in (teachers; students may name only themselves).</summary>
    public string? StudentId { get; init; }

    public int? GroupId { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public string? Tag { get; init; }

    /// <summary>The one person whose threads are chosen, if any.</summary>
    public string? PersonFor(string readerId) => OnlyMine ? readerId : StudentId;
}
