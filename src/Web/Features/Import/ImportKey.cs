using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Annotate.Data.Entities;

namespace Annotate.Web.Features.Import;

/// <summary>
/// What makes an imported annotation the same one the next time (<see cref="Annotation.ImportKey"/>): its
/// source id, or for one without, a hash of what it says and where. Unique per document and importer, so
/// importing a file again adds nothing.
/// </summary>
internal static class ImportKey
{
    private const int MaxLength = 200;

    public static string Of(ImportItem item)
    {
        if (item.SourceId is { Length: > 0 } id) return OfId(id);
        var fields = new[]
        {
            item.Quote?.Exact, item.Quote?.Prefix, item.Quote?.Suffix, item.Position?.Start.ToString(CultureInfo.InvariantCulture), item.Position?.End.ToString(CultureInfo.InvariantCulture),
            item.ReplyTo, item.Motivation, item.Body, string.Join('\n', item.Tags), item.Created?.ToUniversalTime().ToString("O"),
        };
        return Hash(string.Join('\u001f', fields));
    }

    /// <summary>The key of the item whose source id is <paramref name="id"/> (a reply's parent).</summary>
    public static string OfId(string id) => id.Length <= MaxLength ? id : Hash(id);

    private static string Hash(string value) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
