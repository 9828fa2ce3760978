using System.Globalization;
using Annotate.Web.Resources;

namespace Annotate.Web.Components.Threads;

/// <summary>
/// How the app writes a moment for people, in the language and culture of the page (issue 16): how long ago
/// ("5 min ago", "vừa xong"), a date without a year in this year, and the exact time for a tooltip. The one place
/// times are worded, so every list says them alike.
/// </summary>
internal static class TimeText
{
    // Not injected: times are drawn by static render fragments (a thread card draws many without a component for each)
    // and by pages of every area.
    private static readonly Microsoft.Extensions.Localization.IStringLocalizer L = Words.L;

    public static string Ago(DateTimeOffset value, DateTimeOffset now)
    {
        var age = now - value;
        if (age < TimeSpan.FromSeconds(45)) return L["Time.JustNow"];
        // Minutes are rounded, so 59.5 to 60 minutes is already "1 h ago", not "60 min ago".
        var minutes = (int)Math.Round(age.TotalMinutes);
        if (minutes < 60) return L["Time.MinutesAgo", Math.Max(1, minutes)];
        if (age < TimeSpan.FromHours(24)) return L["Time.HoursAgo", Math.Max(1, (int)age.TotalHours)];
        var days = (int)age.TotalDays;
        if (age < TimeSpan.FromDays(7)) return days == 1 ? L["Time.Yesterday"] : L["Time.DaysAgo", days];
        return Date(value, now);
    }

    /// <summary>
    /// The day: without the year in the current year. The pattern is the language's own (a resource): "14 Mar",
    /// "14 thg 3"; the culture writes its month names.
    /// </summary>
    public static string Date(DateTimeOffset value, DateTimeOffset now)
    {
        var local = value.ToLocalTime();
        string pattern = local.Year == now.ToLocalTime().Year ? L["Time.DayPattern"] : L["Time.DayWithYearPattern"];
        return local.ToString(pattern, CultureInfo.CurrentCulture);
    }

    /// <summary>The exact moment, for a tooltip ("Friday, 14 March 2025 12:00"), in the culture's long form.</summary>
    public static string Exact(DateTimeOffset value) => value.ToLocalTime().ToString("f", CultureInfo.CurrentCulture);
}
