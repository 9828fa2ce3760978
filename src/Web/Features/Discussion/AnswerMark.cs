using Annotate.Shared;

namespace Annotate.Web.Features.Discussion;

/// <summary>The reply that answered a question, and who may see it (a reply can be narrower than its question).</summary>
public sealed record AnswerMark(Guid ReplyId, VisibilityFacts Access);
