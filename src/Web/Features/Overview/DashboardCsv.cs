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
        "Student", "User id", "Group", "Annotations", "Replies", "Words", "Questions asked", "Questions answered", "Late",
        "Feedback received", "First activity (UTC)", "Last activity (UTC)",
    ];

    public static async Task WriteAsync(SeminarDashboard dashboard, Stream output, CancellationToken cancellationToken = default)
    {
        await using var csv = CsvWriter.Create(output, CsvExport.SpreadsheetOptions, leaveOpen: true);
        await csv.WriteRecordAsync(Header, cancellationToken);
        foreach (var s in dashboard.Students)
        {
            await csv.WriteRecordAsync([
                s.DisplayName, s.UserId, s.GroupName ?? "",
                GradebookCells.Number(s.Annotations), GradebookCells.Number(s.Replies), GradebookCells.Number(s.Words),
                GradebookCells.Number(s.QuestionsAsked), GradebookCells.Number(s.QuestionsAnswered), GradebookCells.Number(s.Late),
                GradebookCells.Number(s.FeedbackReceived), GradebookCells.Timestamp(s.FirstActivity), GradebookCells.Timestamp(s.LastActivity)],
                cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }
}
