using Annotate.Shared.Anchoring;
using Annotate.Shared.Text;

namespace Annotate.Web.Features.Search;

/// <summary>
/// The words around a passage in its paragraph, to show it in context: up to <see cref="Reach"/> characters each side,
/// cut at a word and marked with "…" where the paragraph goes on. A passage running into the next paragraph shows
/// nothing after it.
/// </summary>
public sealed record PassageContext(string Before, string After)
{
    public const int Reach = 160;

    public static PassageContext None { get; } = new("", "");

    /// <summary>The context of <paramref name="span"/> in <paramref name="text"/>, and the number of its paragraph.</summary>
    public static (PassageContext Context, int? Paragraph) Of(string text, IReadOnlyList<TextBlock> blocks, TextSpan span)
    {
        var block = TextBlocks.BlockAt(blocks, span.Start);
        if (block is null) return (None, null);
        var before = text[block.Start..span.Start];
        var after = span.End <= block.End ? text[span.End..block.End] : "";
        return (new PassageContext(
            before.Length <= Reach ? before : "…" + FromWord(before[^Reach..]),
            after.Length <= Reach ? after : UpToWord(after[..Reach]) + "…"), block.ParagraphNumber);
    }

    private static string FromWord(string text)
    {
        var space = text.IndexOf(' ');
        return space < 0 || space > Reach / 2 ? text : text[(space + 1)..];
    }

    private static string UpToWord(string text)
    {
        var space = text.LastIndexOf(' ');
        return space < Reach / 2 ? text : text[..space];
    }
}
