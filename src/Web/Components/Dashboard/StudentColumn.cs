using Annotate.Web.Features.Overview;

namespace Annotate.Web.Components.Dashboard;

/// <summary>
/// One sortable column of the dashboard's student table: its heading, the cell shown and the key it sorts by.
/// Numbers sort largest first on the first press, names A to Z: what a teacher looks for first.
/// </summary>
internal sealed record StudentColumn(string Heading, Func<DashboardStudent, string> Cell,
    Func<DashboardStudent, IComparable> Key, bool Numeric)
{
    public static IReadOnlyList<StudentColumn> All { get; } =
    [
        new("Student", s => s.DisplayName, s => s.DisplayName.ToUpperInvariant(), false),
        new("Group", s => s.GroupName ?? "—", s => (s.GroupName ?? "\uffff").ToUpperInvariant(), false),
        Count("Annotations", s => s.Annotations),
        Count("Replies", s => s.Replies),
        Count("Words", s => s.Words),
        Count("Questions asked", s => s.QuestionsAsked),
        Count("Questions answered", s => s.QuestionsAnswered),
        Count("Upvotes received", s => s.UpvotesReceived),
        Count("Late", s => s.Late),
        Count("Feedback received", s => s.FeedbackReceived),
    ];

    private static StudentColumn Count(string heading, Func<DashboardStudent, int> value) =>
        new(heading, s => value(s).ToString(System.Globalization.CultureInfo.CurrentCulture), s => value(s), true);

    /// <summary>The rows in this column's order, ties broken by name so the order never jumps between renders.</summary>
    public IEnumerable<DashboardStudent> Sort(IEnumerable<DashboardStudent> rows, bool descending) =>
        (descending ? rows.OrderByDescending(Key) : rows.OrderBy(Key))
            .ThenBy(s => s.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(s => s.UserId, StringComparer.Ordinal);
}
