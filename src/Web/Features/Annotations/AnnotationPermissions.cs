using Annotate.Shared;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Annotations;

/// <summary>
/// Who may do what to an annotation: the one rule behind both the buttons a thread card shows and what
/// <see cref="AnnotationService"/> allows. A button the service would refuse, or a refusal a button
/// hides, cannot happen while both ask this. Answers null when allowed, or the refusal with its sentence.
/// </summary>
public static class AnnotationPermissions
{
    public static bool Allows(Viewer viewer, AnnotationView annotation, AnnotationAction action) =>
        Check(viewer, annotation, action) is null;

    public static ServiceProblem? Check(Viewer viewer, AnnotationView annotation, AnnotationAction action)
    {
        // Nothing can be done to what one cannot see, and it looks the same as what is not there.
        if (!annotation.CanBeSeenBy(viewer)) return ServiceProblem.NotFound(AnnotationService.NoSuchAnnotation);
        var isAuthor = annotation.AuthorId is not null && annotation.AuthorId == viewer.UserId;
        return action switch
        {
            AnnotationAction.Edit => isAuthor ? null : Forbidden(Words.Text("Problem.OnlyAuthorEdits")),
            AnnotationAction.Delete => isAuthor || viewer.IsTeacher ? null : Forbidden(Words.Text("Problem.OnlyAuthorOrTeacherDeletes")),
            AnnotationAction.Reply => null,
            AnnotationAction.Resolve =>
                !viewer.IsTeacher ? Forbidden(Words.Text("Problem.TeachersOnlyResolve"))
                : annotation.IsReply ? Invalid(Words.Text("Problem.ResolveThreadNotReply"))
                : null,
            AnnotationAction.MarkExemplary => MarkExemplary(viewer, annotation, isAuthor),
            AnnotationAction.UnmarkExemplary => viewer.IsTeacher ? null : Forbidden(Words.Text("Problem.TeachersOnlyExemplary")),
            AnnotationAction.Attach =>
                !isAuthor && !viewer.IsTeacher ? Forbidden(Words.Text("Problem.OnlyAuthorOrTeacherAttaches"))
                : annotation.IsReply ? Invalid(Words.Text("Problem.AttachThreadNotReply"))
                : !annotation.Orphan ? Invalid(Words.Text("Problem.AttachStillPlaced"))
                : null,
            AnnotationAction.GiveFeedback => GiveFeedback(viewer, annotation, isAuthor),
            AnnotationAction.Upvote => isAuthor ? Invalid(Words.Text("Problem.UpvoteOwn")) : null,
            AnnotationAction.SameQuestion =>
                !IsQuestion(annotation) ? Invalid(Words.Text("Problem.SameQuestionNotQuestion"))
                : isAuthor ? Invalid(Words.Text("Problem.SameQuestionOwn"))
                : null,
            AnnotationAction.MarkAnswered =>
                !IsQuestion(annotation) ? Invalid(Words.Text("Problem.AnsweredNotQuestion"))
                : !isAuthor && !viewer.IsTeacher ? Forbidden(Words.Text("Problem.OnlyAskerOrTeacherMarksAnswered"))
                : null,
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    /// <summary>
    /// Exemplary holds up a student's words to the seminar: a teacher marks someone else's annotation that
    /// says something, and never feedback (written for one student, it is no model for the others).
    /// </summary>
    private static ServiceProblem? MarkExemplary(Viewer viewer, AnnotationView annotation, bool isAuthor) =>
        !viewer.IsTeacher ? Forbidden(Words.Text("Problem.TeachersOnlyExemplary"))
        : isAuthor ? Invalid(Words.Text("Problem.ExemplaryOwn"))
        : string.IsNullOrWhiteSpace(annotation.Body) ? Invalid(Words.Text("Problem.ExemplaryNeedsWords"))
        : annotation.IsFeedback ? Invalid(Words.Text("Problem.ExemplaryNotFeedback"))
        : null;

    /// <summary>
    /// Feedback goes to one student about a thread of their own (asked of the thread's first annotation):
    /// not to a teacher, not to a deleted account, and not into feedback already given (reply there). A
    /// student's private note needs no rule here: no teacher can see it.
    /// </summary>
    private static ServiceProblem? GiveFeedback(Viewer viewer, AnnotationView thread, bool isAuthor) =>
        !viewer.IsTeacher ? Invalid(Words.Text("Problem.TeachersOnlyFeedback"))
        : thread.IsReply ? Invalid(Words.Text("Problem.FeedbackOnThread"))
        : isAuthor ? Invalid(Words.Text("Problem.FeedbackNotOwn"))
        : thread.AddresseeId is not null ? Invalid(Words.Text("Problem.FeedbackAlready"))
        : thread.AuthorRole != SeminarRole.Student ? Invalid(Words.Text("Problem.FeedbackStudentsOnly"))
        : null;

    /// <summary>A thread opened as a question (replies are never questions).</summary>
    public static bool IsQuestion(AnnotationView annotation) =>
        !annotation.IsReply && annotation.Motivation == Annotate.Shared.W3c.Motivations.Questioning;

    /// <summary>
    /// An open question: a question nobody has marked answered (resolving a thread is a teacher closing the
    /// discussion, not an answer). The one meaning of "open question" everywhere it is counted or filtered: the thread
    /// filter and sort, the paragraph heat, the Confusion view; <see cref="OpenQuestionInSql"/> is its twin for queries.
    /// </summary>
    public static bool IsOpenQuestion(AnnotationView annotation) => IsQuestion(annotation) && !annotation.Answered;

    /// <summary><see cref="IsOpenQuestion"/> as a query on stored annotations (search's <c>is:unanswered</c>).</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Annotate.Data.Entities.Annotation, bool>> OpenQuestionInSql =
        a => a.ParentId == null && a.Motivation == Annotate.Shared.W3c.Motivations.Questioning && a.AnsweredAt == null;

    private static ServiceProblem Forbidden(string message) => ServiceProblem.Forbidden(message);

    private static ServiceProblem Invalid(string message) => ServiceProblem.Invalid(message);
}
