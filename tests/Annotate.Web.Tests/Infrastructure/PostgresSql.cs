using System.Text.RegularExpressions;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// Turns the tests' SQLite-style checks into PostgreSQL: EF creates quoted PascalCase names there
/// (<c>"AspNetUsers"</c>), and parameters are <c>@name</c>. Keywords are written in capitals, names in
/// PascalCase, so the two are told apart by case; quoted literals stay as they are.
/// </summary>
internal static partial class PostgresSql
{
    public static string From(string sql) =>
        string.Concat(Literals().Split(sql).Select((part, i) => i % 2 == 1 ? part
            : Parameters().Replace(Names().Replace(part, "\"$0\""), "@$1")));

    [GeneratedRegex("('(?:[^']|'')*')")]
    private static partial Regex Literals();

    [GeneratedRegex(@"(?<![\w$@""])[A-Z][a-z]\w*")]
    private static partial Regex Names();

    [GeneratedRegex(@"\$(\w+)")]
    private static partial Regex Parameters();
}
