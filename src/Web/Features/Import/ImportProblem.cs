namespace Annotate.Web.Features.Import;

/// <summary>One item of an import file that was not stored: its place in the file (from 0), its source id, and why.</summary>
public sealed record ImportProblem(int Index, string? Id, string Reason);
