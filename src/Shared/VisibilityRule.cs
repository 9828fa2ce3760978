namespace Annotate.Shared;

/// <summary>
/// The one rule that decides whether a viewer may read an annotation. Every read path (page, live
/// push, hub, API, export, search, counts) asks this and nothing else.
/// </summary>
public static class VisibilityRule
{
    public static bool CanSee(Viewer viewer, VisibilityFacts annotation)
    {
        if (!viewer.IsMember) return false;
        if (annotation.AuthorId is not null && viewer.UserId == annotation.AuthorId) return true;
        // Feedback addressed to one student: that student and the teachers, whatever else it says.
        if (annotation.AddresseeId is not null)
            return viewer.IsTeacher || viewer.UserId == annotation.AddresseeId;
        // "Post first": others' thoughts only after your own.
        if (viewer.AwaitingOwnPost && !viewer.IsTeacher) return false;
        return annotation.Visibility switch
        {
            Visibility.Private => false,
            Visibility.Teachers => viewer.IsTeacher,
            Visibility.Group => viewer.IsTeacher
                || (annotation.AuthorGroupId is not null && viewer.GroupId == annotation.AuthorGroupId),
            Visibility.Seminar => true,
            _ => false,
        };
    }
}
