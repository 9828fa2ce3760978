using System.Globalization;
using System.Text;
using Microsoft.Extensions.Primitives;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Export;

/// <summary>
/// An export as its URL's query string says it: the format, the filters and the paper size. The API
/// reads it with <see cref="Parse"/>; the Export dialog writes it with <see cref="ToQueryString"/>, so
/// both always agree on the names.
/// </summary>
public sealed record ExportRequest(ExportFormat Format, ExportFilter Filter, PaperSize Paper = PaperSize.A4)
{
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>The request, or a sentence saying which value cannot be used and what would do.</summary>
    public static (ExportRequest? Request, string? Error) Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var values = query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        string? Value(string key) => values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        if (Value("format") is not { } formatName)
            return Fail($"Say which format to export: format= one of {ExportFormats.AllNames}.");
        if (!ExportFormats.TryParse(formatName, out var format))
            return Fail($"\"{formatName}\" is not an export format; use one of {ExportFormats.AllNames}.");

        var onlyMine = Value("scope")?.ToLowerInvariant() switch
        {
            null or "all" => (bool?)false,
            "mine" => true,
            _ => null,
        };
        if (onlyMine is null) return Fail($"scope must be \"all\" (everything you may see) or \"mine\" (threads you started or replied in), not \"{Value("scope")}\".");

        var student = Value("student");
        if (onlyMine.Value && student is not null)
            return Fail("Choose either scope=mine or one student, not both.");

        int? group = null;
        if (Value("group") is { } groupText)
        {
            if (!int.TryParse(groupText, NumberStyles.None, CultureInfo.InvariantCulture, out var groupId))
                return Fail($"group must be the number of one of the seminar's groups, not \"{groupText}\".");
            group = groupId;
        }

        var (from, fromError) = ParseDate(Value("from"), "from");
        if (fromError is not null) return Fail(fromError);
        var (to, toError) = ParseDate(Value("to"), "to");
        if (toError is not null) return Fail(toError);
        if (from > to) return Fail(Words.Text("Problem.ExportDatesReversed", from, to));

        var paper = Value("paper")?.ToLowerInvariant() switch
        {
            null or "a4" => (PaperSize?)PaperSize.A4,
            "letter" => PaperSize.Letter,
            _ => null,
        };
        if (paper is null) return Fail($"paper must be \"a4\" or \"letter\", not \"{Value("paper")}\".");

        var filter = new ExportFilter { OnlyMine = onlyMine.Value, StudentId = student, GroupId = group, From = from, To = to, Tag = Value("tag") };
        return (new ExportRequest(format, filter, paper.Value), null);

        static (ExportRequest?, string?) Fail(string error) => (null, error);
    }

    /// <summary>The query string (without "?") that <see cref="Parse"/> reads back as this request.</summary>
    public string ToQueryString()
    {
        var query = new StringBuilder("format=").Append(Format.Name());
        void Add(string key, string value) => query.Append('&').Append(key).Append('=').Append(Uri.EscapeDataString(value));
        if (Filter.OnlyMine) Add("scope", "mine");
        if (Filter.StudentId is { } student) Add("student", student);
        if (Filter.GroupId is { } group) Add("group", group.ToString(CultureInfo.InvariantCulture));
        if (Filter.From is { } from) Add("from", from.ToString(DateFormat, CultureInfo.InvariantCulture));
        if (Filter.To is { } to) Add("to", to.ToString(DateFormat, CultureInfo.InvariantCulture));
        if (Filter.Tag is { } tag) Add("tag", tag);
        if (Format.IsPrintable()) Add("paper", Paper == PaperSize.Letter ? "letter" : "a4");
        return query.ToString();
    }

    private static (DateOnly? Date, string? Error) ParseDate(string? text, string name)
    {
        if (text is null) return (null, null);
        return DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date, null)
            : (null, $"{name} must be a date written like 2026-03-01 (year-month-day), not \"{text}\".");
    }
}
