namespace Annotate.Web.Features.Overview;

/// <summary>One paragraph of the Confusion view.</summary>
/// <param name="Paragraph">The paragraph's number as the reading page shows it; null for a heading.</param>
/// <param name="Start">The paragraph's opening words.</param>
/// <param name="SameQuestionVotes">"I have this question too" votes on its open questions: how many more share them.</param>
/// <param name="Threads">Its unresolved threads, open questions first (most shared first), then by place in the text.</param>
public sealed record ConfusionParagraph(int? Paragraph, string Start, int OpenQuestions, int SameQuestionVotes, int UnresolvedThreads,
    IReadOnlyList<ConfusionThread> Threads);
