namespace Annotate.Web.Features.Import;

/// <summary>
/// What an import into a seminar with locked tags left off (<see cref="LockedTags"/>): each tag outside the list once, as
/// the file first wrote it, how many annotations came in without some of theirs, and a sentence saying so.
/// </summary>
public sealed record TagsDropped(IReadOnlyList<string> Tags, int Annotations, string Message);
