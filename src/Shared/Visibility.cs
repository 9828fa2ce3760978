namespace Annotate.Shared;

/// <summary>Who may read an annotation. Replies take their thread's visibility.</summary>
public enum Visibility
{
    /// <summary>The author only.</summary>
    Private,
    /// <summary>The author and the seminar's teachers.</summary>
    Teachers,
    /// <summary>The author's group and the seminar's teachers.</summary>
    Group,
    /// <summary>Every member of the seminar.</summary>
    Seminar,
}
