using System.Text;

namespace Annotate.Web;

/// <summary>File names for downloads, made from titles people typed.</summary>
internal static class FileNames
{
    /// <summary>
    /// The title's ASCII letters and digits in lower case (accents dropped), words joined by "-", at most 60
    /// characters; <paramref name="fallback"/> when nothing is left. Safe in a file system and a Content-Disposition header.
    /// </summary>
    public static string Slug(string title, string fallback)
    {
        var slug = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(char.ToLowerInvariant(c));
            else if ((char.IsWhiteSpace(c) || c is '-' or '_' or '.' or ',') && slug.Length > 0 && slug[^1] != '-') slug.Append('-');
            if (slug.Length >= 60) break;
        }
        var name = slug.ToString().Trim('-');
        return name.Length == 0 ? fallback : name;
    }
}
