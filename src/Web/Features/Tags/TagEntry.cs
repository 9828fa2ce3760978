namespace Annotate.Web.Features.Tags;

/// <summary>A tag of a seminar's vocabulary as the API and the pages show it.</summary>
public sealed record TagEntry(int Id, string Name, string Colour, string Description);
