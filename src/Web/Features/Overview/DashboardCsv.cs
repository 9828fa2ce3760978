using Annotate.Web.Components.Dashboard;
using Annotate.Web.Features.Export;
using CsvHelper;

namespace Annotate.Web.Features.Overview;

/// <summary>
/// The seminar dashboard's student table as CSV for a gradebook, like the per-document participation CSV: UTF-8 with a
/// BOM so spreadsheet programs read it, one row per student, cells that a spreadsheet would run as a formula made inert.
/// </summary>
internal static class DashboardCsv
{
    public static readonly string[] Header =
    [
        "Student", "User id", "Group", "Annotations", "Replies", "Words", "Questions asked", "Questions answered", "Upvotes received", "Late",
        "Feedback received", "First activity (UTC)", "Last activity (UTC)",
    ];

    public static async Task WriteAsync(SeminarDashboard dashboard, Stream output, CancellationToken cancellationToken = default)
    {
        await using var csv = CsvWriter.Create(output, CsvExport.SpreadsheetOptions, leaveOpen: true);
        // Headed in the exporting teacher's language, as the gradebook they paste it into is.
        await csv.WriteRecordAsync(Header.Select(h => CountHeadings.Of(Resources.Words.L, h)).ToArray(), cancellationToken);
        foreach (var s in dashboard.Students)
        {
            await csv.WriteRecordAsync([
                s.DisplayName, s.UserId, s.GroupName ?? "",
                Gradebook.Number(s.Annotations), Gradebook.Number(s.Replies), Gradebook.Number(s.Words),
                Gradebook.Number(s.QuestionsAsked), Gradebook.Number(s.QuestionsAnswered), Gradebook.Number(s.UpvotesReceived), Gradebook.Number(s.Late),
                Gradebook.Number(s.FeedbackReceived), Gradebook.Timestamp(s.FirstActivity), Gradebook.Timestamp(s.LastActivity)],
                cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }
}
