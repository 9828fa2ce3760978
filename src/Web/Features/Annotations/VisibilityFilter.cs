using System.Linq.Expressions;
using Annotate.Shared;

namespace Annotate.Web.Features.Annotations;

/// <summary>
/// <see cref="VisibilityRule"/> as a filter the database runs, so that a read of a whole document fetches
/// only what the viewer may see instead of everything and then asking the rule row by row. It must keep
/// exactly the rows the rule keeps; VisibilityFilterEquivalenceTests compares the two over every kind of
/// annotation and viewer. The rule, spelled out for a viewer (who is a member; nobody else sees anything):
/// <list type="bullet">
/// <item>the thread's author sees the thread, replies included;</item>
/// <item>feedback (an addressee): the addressee and the teachers, nobody else;</item>
/// <item>a student still to post on a "post first" document: nothing else;</item>
/// <item>otherwise by the narrower of the annotation's visibility and its thread's (<see cref="VisibilityScope"/>):
/// private: nobody else; teachers: teachers; group: teachers and the thread author's group; seminar: everyone.</item>
/// </list>
/// A narrower visibility is private when either is private, and seminar only when both are.
/// </summary>
internal static class VisibilityFilter
{
    /// <summary>
    /// The filter over several documents of one seminar at once (search): <see cref="For"/> the viewer, except on the
    /// documents in <paramref name="awaitingOwnPost"/>, where it is the filter for the viewer who still has to post first.
    /// </summary>
    public static Expression<Func<AnnotationRow, bool>> ForSeminar(Viewer viewer, IReadOnlyCollection<int> awaitingOwnPost)
    {
        var open = For(viewer with { AwaitingOwnPost = false });
        if (awaitingOwnPost.Count == 0) return open;
        var gated = For(viewer with { AwaitingOwnPost = true });
        var documents = awaitingOwnPost.ToList();
        Expression<Func<AnnotationRow, bool>> onGated = r => documents.Contains(r.DocumentId);
        var row = onGated.Parameters[0];
        var body = Expression.Condition(onGated.Body, Substitute(gated, row), Substitute(open, row));
        return Expression.Lambda<Func<AnnotationRow, bool>>(body, row);
    }

    private static Expression Substitute(Expression<Func<AnnotationRow, bool>> filter, ParameterExpression row) =>
        new ParameterSwap(filter.Parameters[0], row).Visit(filter.Body);

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    public static Expression<Func<AnnotationRow, bool>> For(Viewer viewer)
    {
        if (!viewer.IsMember) return r => false;
        var me = viewer.UserId!;
        if (viewer.IsTeacher)
            return r => r.ThreadAuthorId == me
                || r.AddresseeId != null
                || (r.Visibility != Visibility.Private && r.ThreadVisibility != null && r.ThreadVisibility != Visibility.Private);
        if (viewer.AwaitingOwnPost)
            return r => r.ThreadAuthorId == me || r.AddresseeId == me;
        if (viewer.GroupId is not { } group)
            return r => r.ThreadAuthorId == me
                || (r.AddresseeId != null
                    ? r.AddresseeId == me
                    : r.Visibility == Visibility.Seminar && r.ThreadVisibility == Visibility.Seminar);
        return r => r.ThreadAuthorId == me
            || (r.AddresseeId != null
                ? r.AddresseeId == me
                : (r.Visibility == Visibility.Seminar && r.ThreadVisibility == Visibility.Seminar)
                    || (r.ThreadGroupId == group
                        && (r.Visibility == Visibility.Group || r.Visibility == Visibility.Seminar)
                        && (r.ThreadVisibility == Visibility.Group || r.ThreadVisibility == Visibility.Seminar)));
    }
}
