namespace Annotate.Web.Features.Search;

/// <summary>
/// What of a seminar <c>user:</c>, <c>group:</c> and <c>doc:</c> choose among: its documents, its groups, and the
/// people who may have written in it (members, and accounts removed from it, whose annotations stay).
/// </summary>
internal sealed record SearchScope(
    IReadOnlyList<SearchScope.DocumentEntry> Documents,
    IReadOnlyList<SearchScope.GroupEntry> Groups,
    IReadOnlyList<SearchScope.PersonEntry> People)
{
    public sealed record DocumentEntry(int Id, string Title, string? Language = null);
    public sealed record GroupEntry(int Id, string Name);
    /// <param name="GroupId">Their group in the seminar now, if any.</param>
    public sealed record PersonEntry(string Id, string Name, int? GroupId);
}
