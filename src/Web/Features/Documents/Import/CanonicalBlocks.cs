using System.Text;

namespace Annotate.Web.Features.Documents.Import;

/// <summary>
/// Collects the headings and paragraphs of a structured file (Markdown, Word) into a canonical text:
/// one block each, "\n\n" between them, no trailing newline. Inside a block, runs of spaces, tabs and
/// control characters become one space and a line break stays a single "\n", so no block can split in
/// two; a block left empty is dropped. A heading is kept on one line, since the reading view only
/// recognises single-line headings.
/// </summary>
internal sealed class CanonicalBlocks
{
    private const string Separator = "\n\n";
    private readonly StringBuilder text = new();

    public void AddHeading(string heading) => Append(Clean(heading, keepLineBreaks: false));

    public void AddParagraph(string paragraph) => Append(Clean(paragraph, keepLineBreaks: true));

    public override string ToString() => text.ToString();

    private void Append(string block)
    {
        if (block.Length == 0) return;
        if (text.Length > 0) text.Append(Separator);
        text.Append(block);
        // Stop early rather than hold a huge text in memory only to refuse it afterwards.
        if (text.Length > DocumentService.MaxTextLength) throw new UnreadableFileException(DocumentImporter.TextTooLong);
    }

    private static string Clean(string raw, bool keepLineBreaks)
    {
        var result = new StringBuilder(raw.Length);
        var space = false;
        var lineBreak = false;
        foreach (var c in raw)
        {
            if (c is '\n' or '\r' or '\v' or '\u2028' or '\u2029')
            {
                if (keepLineBreaks) lineBreak = true;
                else space = true;
                continue;
            }
            if (c is ' ' or '\t' || char.IsControl(c))
            {
                space = true;
                continue;
            }
            // Gaps only between words: leading and trailing ones are dropped.
            if (result.Length > 0 && (lineBreak || space)) result.Append(lineBreak ? '\n' : ' ');
            space = lineBreak = false;
            result.Append(c);
        }
        return result.ToString();
    }
}
