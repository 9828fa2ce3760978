namespace Annotate.Web.Features.Tags;

/// <summary>A tag in use, and on how many annotations the caller can see.</summary>
public sealed record TagUse(string Name, int Uses);
