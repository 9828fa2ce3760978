using System.Globalization;

namespace Annotate.Web.Features.Overview;

/// <summary>Cells of the gradebook CSVs (participation, seminar dashboard): numbers and times as every spreadsheet reads them.</summary>
internal static class GradebookCells
{
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Timestamp(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";
}
