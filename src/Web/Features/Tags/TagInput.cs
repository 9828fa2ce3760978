namespace Annotate.Web.Features.Tags;

/// <summary>What a teacher sends to add or change a vocabulary tag; a missing colour gets one of the palette's.</summary>
public sealed record TagInput(string? Name, string? Colour, string? Description);
