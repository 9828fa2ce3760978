namespace Annotate.Web.Features.Annotations;

/// <summary>What a reader can do to an annotation they see; <see cref="AnnotationPermissions"/> says who may.</summary>
public enum AnnotationAction
{
    Edit,
    Delete,
    /// <summary>Answer in the thread.</summary>
    Reply,
    /// <summary>Mark a thread resolved, or open it again.</summary>
    Resolve,
    MarkExemplary,
    UnmarkExemplary,
    /// <summary>Attach an orphaned thread to a passage of the current text.</summary>
    Attach,
    /// <summary>A teacher's feedback in a student's thread, for that student alone.</summary>
    GiveFeedback,
    /// <summary>Upvote someone else's annotation or reply.</summary>
    Upvote,
    /// <summary>Say "I have this question too" on someone else's question.</summary>
    SameQuestion,
    /// <summary>Mark a question answered, or open it again: its asker or a teacher.</summary>
    MarkAnswered,
}
