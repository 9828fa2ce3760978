using Annotate.Shared.Text;
using Annotate.Shared.W3c;
using Annotate.Web.Components.Reading;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Discussion;
using Annotate.Web.Features.Documents;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Overview;

/// <summary>
/// A teacher's Confusion view of one document: the passages that hold open questions, "same question" votes and unresolved
/// threads, most first, so the next class can start there. Threads are placed on the current text as the reading page places them, and only
/// what the teacher may see is read (<see cref="AnnotationService.ListVisibleAsync(ReaderAccess.DocumentAccess, CancellationToken)"/>).
/// </summary>
internal sealed class ConfusionService(ReaderAccess access, DocumentService documents, AnnotationService annotations)
{
    /// <summary>A student and an outsider hear the same: the view is for teachers, and 404 says nothing more.</summary>
    public static string NoSuchConfusion => Words.Text("Problem.NoSuchConfusion");

    /// <summary>How much of a paragraph's opening the view shows.</summary>
    public const int StartLength = 120;

    public async Task<ServiceResult<ConfusionReport>> GetAsync(string userId, int documentId, CancellationToken cancellationToken = default)
    {
        if (await access.ForDocumentAsync(userId, documentId, cancellationToken) is not { Viewer.IsTeacher: true } reader
            || await documents.GetAsync(documentId) is not { } document)
            return ServiceProblem.NotFound(NoSuchConfusion);

        var visible = await annotations.ListVisibleAsync(reader, cancellationToken);
        var replies = visible.Where(a => a.IsReply).ToLookup(a => a.ThreadRootId);
        var unresolved = visible.Where(a => !a.IsReply && IsUnresolved(a, replies[a.Id].Any())).ToList();
        var blocks = TextBlocks.Parse(document.Text);
        var placed = HighlightLayout.Place(document.Text, unresolved).Where(p => p.Span is not null).ToList();

        var rows = placed
            .GroupBy(p => TextBlocks.BlockAt(blocks, p.Span!.Value.Start))
            .Where(g => g.Key is not null)
            .Select(g =>
            {
                var threads = g
                    .Select(p => new ConfusionThread(p.Thread.Id, p.Thread.Quote?.Exact ?? "", p.Thread.Motivation, AnnotationPermissions.IsOpenQuestion(p.Thread),
                        replies[p.Thread.Id].Count(), p.Thread.Created, p.Thread.CountOf(ReactionKinds.SameQuestion)) { Start = p.Span!.Value.Start })
                    .OrderByDescending(t => t.OpenQuestion).ThenByDescending(t => t.OpenQuestion ? t.SameQuestion : 0).ThenBy(t => t.Start).ThenBy(t => t.Created)
                    .ToList();
                var open = threads.Where(t => t.OpenQuestion).ToList();
                return new ConfusionParagraph(g.Key!.ParagraphNumber, StartOf(document.Text, g.Key), open.Count, open.Sum(t => t.SameQuestion),
                    threads.Count, threads);
            })
            .OrderByDescending(r => r.OpenQuestions).ThenByDescending(r => r.SameQuestionVotes).ThenByDescending(r => r.UnresolvedThreads)
            .ThenBy(r => r.Paragraph ?? 0)
            .ToList();
        return new ConfusionReport(document.Id, document.Title, document.SeminarId, document.SeminarName, rows, unresolved.Count - placed.Count, document.Language);
    }

    /// <summary>
    /// A thread still under discussion: not resolved, and a discussion at all, which a bare highlight is not until someone
    /// replies to it; feedback to one student is not the seminar's confusion.
    /// </summary>
    public static bool IsUnresolved(AnnotationView thread, bool hasReplies) =>
        !thread.IsReply && thread.ResolvedAt is null && !thread.IsFeedback && (thread.Motivation != Motivations.Highlighting || hasReplies);

    /// <summary>The block's opening words, cut at a word where one ends near <see cref="StartLength"/>.</summary>
    internal static string StartOf(string text, TextBlock block)
    {
        var length = block.End - block.Start;
        if (length <= StartLength) return text[block.Start..block.End];
        var cut = text.LastIndexOf(' ', block.Start + StartLength, StartLength / 2);
        var end = cut > block.Start ? cut : block.Start + StartLength;
        if (char.IsHighSurrogate(text[end - 1])) end--;
        return text[block.Start..end].TrimEnd() + "…";
    }
}
