namespace Annotate.Web.Features.Discussion;

/// <summary>
/// Who gave a reaction, as readers of the annotation see them: only members of the seminar are counted and
/// named (someone removed or gone shares no seminar with the readers, so is neither).
/// </summary>
public sealed record Reactor(string Kind, string UserId, string Name);
