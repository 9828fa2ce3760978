namespace Annotate.Web.Features.Tags;

/// <summary>
/// How a seminar tags: <see cref="Locked"/> (only the vocabulary's tags may be used), and the tags in use on the
/// annotations the caller can see that the vocabulary lacks (<see cref="Suggestions"/>, most used first), which a
/// teacher may adopt.
/// </summary>
public sealed record Tagging(bool Locked, IReadOnlyList<TagUse> Suggestions);

