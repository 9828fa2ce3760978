namespace Annotate.Web.Components.Dashboard;

/// <summary>A count in words, as the dashboard and the Confusion view say it ("1 reply", "3 replies").</summary>
internal static class Counting
{
    public static string Plural(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count} {many}";
}
