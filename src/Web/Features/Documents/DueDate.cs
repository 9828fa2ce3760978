using System.Globalization;
using System.Text.RegularExpressions;

namespace Annotate.Web.Features.Documents;

/// <summary>
/// A document's due date as people give it and read it. A date alone means the end of that day ("due
/// 3 December" leaves the 3rd to do the reading), in the server's time zone, which is also the zone the
/// pages show times in; a date-time is taken as given (UTC when it names no offset). Stored in UTC.
/// </summary>
internal static partial class DueDate
{
    public const string Invalid = "dueAt must be an ISO 8601 date or date-time, such as 2026-12-03 or 2026-12-03T18:00:00Z.";

    /// <summary>Reads an API value; empty means no due date. False when the value is not an ISO 8601 date or date-time.</summary>
    public static bool TryParse(string? value, TimeZoneInfo zone, out DateTimeOffset? dueAt)
    {
        dueAt = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        value = value.Trim();
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            dueAt = EndOf(day, zone);
            return true;
        }
        // DateTimeOffset.TryParse alone would also take "12/03/2026", which means different days to different people.
        if (!IsoDateTime().IsMatch(value)
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return false;
        dueAt = at.ToUniversalTime();
        return true;
    }

    /// <summary>The last second of <paramref name="day"/> in <paramref name="zone"/>, in UTC.</summary>
    public static DateTimeOffset EndOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(new TimeOnly(23, 59, 59));
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}")]
    private static partial Regex IsoDateTime();
}
