using System.Text;
using Annotate.Shared.TextImport;
using static Annotate.Web.Resources.Words;

namespace Annotate.Web.Features.Documents.Import;

/// <summary>Decoding the bytes of a text file (.txt, .md), and .txt itself: hard-wrapped text, reflowed.</summary>
internal static class PlainTextFile
{
    private static string NotText => L["Document.TxtNotText"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A .txt is usually copied out of a PDF or an e-mail: its lines are joined into paragraphs.</summary>
    public static string Read(byte[] bytes) => PlainTextReflow.Reflow(Decode(bytes));

    /// <summary>
    /// A byte-order mark decides; without one, UTF-8 when the bytes are valid UTF-8, otherwise Windows-1252,
    /// what older Windows editors save: guessing so keeps "café" from turning into replacement characters.
    /// </summary>
    public static string Decode(byte[] bytes)
    {
        var bom = Bom(bytes);
        if (bom is not null) return bom.GetString(bytes).TrimStart('\uFEFF');
        // NUL bytes do not occur in text in any single-byte encoding or UTF-8: this is a binary file.
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).Contains((byte)0)) throw new UnreadableFileException(NotText);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return (CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1).GetString(bytes);
        }
    }

    private static Encoding? Bom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? Encoding.UTF8
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? Encoding.Unicode
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? Encoding.BigEndianUnicode
        : null;
}
