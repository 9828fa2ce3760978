namespace Annotate.Web.Components.Threads;

/// <summary>How the sidebar orders threads.</summary>
public enum ThreadSort
{
    /// <summary>In the order of their passages in the text.</summary>
    Position,
    Newest,
    /// <summary>Most replies first.</summary>
    MostDiscussed,
    /// <summary>Most upvotes on the thread's first annotation first.</summary>
    MostUpvoted,
    /// <summary>Open questions first (most "same question" first), then the rest in text order.</summary>
    UnansweredFirst,
}
