namespace Annotate.Web;

/// <summary>File names for downloads, made from titles people typed.</summary>
internal static class FileNames
{
    /// <summary>The title with anything a file system or a Content-Disposition header would trip on replaced.</summary>
    public static string Safe(string title)
    {
        var chars = title.Trim().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray();
        var name = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        if (name.Length > 80) name = name[..80];
        return name.Length == 0 ? "document" : name;
    }
}
