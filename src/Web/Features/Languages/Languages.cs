using System.Globalization;

namespace Annotate.Web.Features.Languages;

/// <summary>
/// The languages the app speaks (contract §6: <c>en</c> and <c>vi</c>). English is the resources' neutral language,
/// so a string missing from the Vietnamese file would show in English; <c>ResourceCompletenessTests</c> keeps that
/// from happening.
/// </summary>
internal static class Languages
{
    public const string English = "en";
    public const string Vietnamese = "vi";
    public const string Default = English;

    /// <summary>Each language by its code, named in itself (a reader looking for their language reads its own name).</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> All = [(English, "English"), (Vietnamese, "Tiếng Việt")];

    public static readonly CultureInfo[] Cultures = [.. All.Select(l => CultureInfo.GetCultureInfo(l.Code))];

    /// <summary>The language's code when the app speaks it ("vi-VN" counts as "vi"), otherwise null.</summary>
    public static string? Supported(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var language = code.Trim().Split('-', 2)[0].ToLowerInvariant();
        return All.Any(l => l.Code == language) ? language : null;
    }

    /// <summary>The code of the language pages are drawn in now (for <c>&lt;html lang&gt;</c> and the picker).</summary>
    public static string Current => Supported(CultureInfo.CurrentUICulture.Name) ?? Default;
}
