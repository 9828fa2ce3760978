using Annotate.Shared;

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
            AnnotationAction.Edit => isAuthor ? null : Forbidden("Only the author can edit an annotation."),
            AnnotationAction.Delete => isAuthor || viewer.IsTeacher ? null : Forbidden("Only the author or a teacher can delete an annotation."),
            AnnotationAction.Reply => null,
            AnnotationAction.Resolve =>
                !viewer.IsTeacher ? Forbidden("Only the seminar's teachers can resolve threads.")
                : annotation.IsReply ? Invalid("Only a thread can be resolved, not a reply in it.")
                : null,
            AnnotationAction.MarkExemplary => MarkExemplary(viewer, annotation, isAuthor),
            AnnotationAction.UnmarkExemplary => viewer.IsTeacher ? null : Forbidden("Only the seminar's teachers can mark annotations as exemplary."),
            AnnotationAction.Attach =>
                !isAuthor && !viewer.IsTeacher ? Forbidden("Only the author or a teacher can attach a thread to another passage.")
                : annotation.IsReply ? Invalid("A reply follows its thread; attach the thread instead.")
                : !annotation.Orphan ? Invalid("This thread is still on its passage. Only a thread whose passage is gone from the text can be attached to another.")
                : null,
            AnnotationAction.GiveFeedback => GiveFeedback(viewer, annotation, isAuthor),
            AnnotationAction.Upvote => isAuthor ? Invalid("An upvote is for someone else's annotation, not your own.") : null,
            AnnotationAction.SameQuestion =>
                !IsQuestion(annotation) ? Invalid("\"I have this question too\" goes on a question (motivation \"questioning\"); this annotation is not one.")
                : isAuthor ? Invalid("This is your own question; \"I have this question too\" is for others who share it.")
                : null,
            AnnotationAction.MarkAnswered =>
                !IsQuestion(annotation) ? Invalid("Only a question (motivation \"questioning\") can be marked answered; this annotation is not one.")
                : !isAuthor && !viewer.IsTeacher ? Forbidden("Only the person who asked or a teacher can mark a question answered.")
                : null,
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    /// <summary>
    /// Exemplary holds up a student's words to the seminar: a teacher marks someone else's annotation that
    /// says something, and never feedback (written for one student, it is no model for the others).
    /// </summary>
    private static ServiceProblem? MarkExemplary(Viewer viewer, AnnotationView annotation, bool isAuthor) =>
        !viewer.IsTeacher ? Forbidden("Only the seminar's teachers can mark annotations as exemplary.")
        : isAuthor ? Invalid("Exemplary holds up someone else's work; your own annotation cannot be marked.")
        : string.IsNullOrWhiteSpace(annotation.Body) ? Invalid("Only an annotation with words in it can be marked exemplary.")
        : annotation.IsFeedback ? Invalid("Feedback is written for one student; it cannot be marked exemplary.")
        : null;

    /// <summary>
    /// Feedback goes to one student about a thread of their own (asked of the thread's first annotation):
    /// not to a teacher, not to a deleted account, and not into feedback already given (reply there). A
    /// student's private note needs no rule here: no teacher can see it.
    /// </summary>
    private static ServiceProblem? GiveFeedback(Viewer viewer, AnnotationView thread, bool isAuthor) =>
        !viewer.IsTeacher ? Invalid("Only the seminar's teachers can give feedback (motivation \"assessing\").")
        : thread.IsReply ? Invalid("Feedback goes into a thread: give it on the thread's first annotation.")
        : isAuthor ? Invalid("Feedback is for a student about their own thread, not for your own.")
        : thread.AddresseeId is not null ? Invalid("This thread is feedback already; reply in it instead.")
        : thread.AuthorRole != SeminarRole.Student ? Invalid("Feedback is for a student of this seminar about a thread of their own.")
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
