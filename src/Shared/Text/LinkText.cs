using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Annotate.Shared.Text;

/// <summary>The words of a Markdown link or image as plain text (an image's alt text, a mention's name), whatever markup they were written with.</summary>
public static class LinkText
{
    public static string Of(LinkInline link)
    {
        var text = new System.Text.StringBuilder();
        foreach (var inline in link.Descendants<Inline>())
        {
            switch (inline)
            {
                case LiteralInline literal: text.Append(literal.Content.ToString()); break;
                case CodeInline code: text.Append(code.Content); break;
                case LineBreakInline: text.Append(' '); break;
            }
        }
        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
