using Annotate.Shared.Text;

namespace Annotate.Shared.TextImport;

public static class PlainTextReflow
{
    private const string BlockSeparator = "\n\n";

    /// <summary>Turns PDF-extracted plain text into a canonical text: paragraphs joined, headings kept, "\n\n" between blocks.</summary>
    /// <remarks>
    /// Extracted text is hard-wrapped and its paragraph breaks are only hinted at, so a new block starts:
    /// after a blank line, unless the blank line falls inside a sentence (a page break: the line before
    /// ends mid-sentence and the next begins in lower case); at an indented line that begins a new
    /// sentence; and after a line that stops short of the margin because it ends a sentence or is a
    /// heading on its own. Lone page numbers are dropped. Nothing is reworded: split words the
    /// extractor left ("revoluti onary") stay as they are, since no rule could tell them from real text.
    /// </remarks>
    public static string Reflow(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var text = Normalise(raw);
        var lines = text.Split('\n').Select(SourceLine.From).Where(line => !IsPageNumber(line)).ToList();
        var join = new LineJoin(text);

        var blocks = new List<string>();
        foreach (var group in GroupIntoBlocks(lines))
        {
            var block = RepairClosingQuotes(join.Join(group));
            blocks.AddRange(SplitLeadingLabel(block));
        }
        return string.Join(BlockSeparator, blocks.Where(block => block.Length > 0));
    }

    private static string Normalise(string raw) => raw
        .Replace("\uFEFF", "")
        .Replace("\r\n", "\n")
        .Replace('\r', '\n')
        // A form feed is a page break, which says nothing about paragraphs: treat it as a line end.
        .Replace('\f', '\n');

    // A running page number ("211") alone on its line; years and figures sit inside sentences.
    private static bool IsPageNumber(SourceLine line) =>
        line.Text.Length is > 0 and <= 4 && line.Text.All(char.IsAsciiDigit);

    private static List<List<SourceLine>> GroupIntoBlocks(List<SourceLine> lines)
    {
        var shortLine = ShortLineLength(lines);
        var blocks = new List<List<SourceLine>>();
        List<SourceLine>? current = null;
        var blankBefore = false;
        foreach (var line in lines)
        {
            if (line.Text.Length == 0)
            {
                blankBefore = true;
                continue;
            }
            if (current is null || StartsNewBlock(current, line, blankBefore, shortLine))
            {
                current = [];
                blocks.Add(current);
            }
            current.Add(line);
            blankBefore = false;
        }
        return blocks;
    }

    private static bool StartsNewBlock(List<SourceLine> current, SourceLine line, bool blankBefore, int shortLine)
    {
        var previous = current[^1];
        var loneHeading = current.Count == 1 && HeadingRule.IsHeading(previous.Text);

        // "… Engels once" / "" / "advised when …": a blank line inside a sentence is a page break.
        if (blankBefore) return previous.EndsSentence || loneHeading || !line.StartsLowercase;

        var ended = previous.EndsSentence || loneHeading;
        // " From specifying …", " INTRODUCTION": the extractor's first-line indent. An indented line
        // that goes on with the sentence (" meaning: first, …") is a stray indent, not a paragraph.
        if (line.Indented && line.StartsCapitalised && ended) return true;
        // A line that stops well short of the margin was ended on purpose.
        return previous.Text.Length < shortLine && line.StartsCapitalised && ended;
    }

    /// <summary>Lines shorter than this did not run to the right margin.</summary>
    private static int ShortLineLength(List<SourceLine> lines)
    {
        var lengths = lines.Where(line => line.Text.Length > 0).Select(line => line.Text.Length).Order().ToList();
        if (lengths.Count == 0) return 0;
        // The 90th percentile is the measure's width, robust to a few overlong lines (URLs, tables).
        var width = lengths[(int)Math.Ceiling(0.9 * (lengths.Count - 1))];
        return width * 3 / 4;
    }

    /// <summary>
    /// `"new liberalism™`: the extractor mapped a closing quote to "™". Only a "™" that closes a
    /// quotation opened earlier in the paragraph is repaired; a real trademark sign stays.
    /// </summary>
    private static string RepairClosingQuotes(string block)
    {
        if (!block.Contains('™')) return block;
        var chars = block.ToCharArray();
        for (var i = 1; i < chars.Length; i++)
        {
            if (chars[i] != '™' || char.IsWhiteSpace(chars[i - 1])) continue;
            var quote = chars.AsSpan(0, i).LastIndexOfAny("\"“”");
            var opens = quote >= 0 && chars[quote] != '”'
                && (quote == 0 || char.IsWhiteSpace(chars[quote - 1]) || chars[quote - 1] is '(' or '[');
            if (opens) chars[i] = '”';
        }
        return new string(chars);
    }

    /// <summary>"ABSTRACT: Proletarian internationalism, …" becomes the heading "ABSTRACT" and its paragraph.</summary>
    private static IEnumerable<string> SplitLeadingLabel(string block)
    {
        var colon = block.IndexOf(':');
        if (colon > 1 && colon <= 40)
        {
            var label = block[..colon];
            var rest = block[(colon + 1)..].TrimStart();
            // Only a capitalised label ("ABSTRACT", "KEYWORDS") followed by a sentence is a run-in
            // heading; "Note: …" or "p. 12: …" are text.
            var isLabel = label.All(c => char.IsUpper(c) || c is ' ' or '&')
                && label.Count(char.IsLetter) >= 2
                && HeadingRule.IsHeading(label)
                && rest.Length > 0 && (char.IsUpper(rest[0]) || char.IsDigit(rest[0]));
            if (isLabel)
            {
                yield return label;
                yield return rest;
                yield break;
            }
        }
        yield return block;
    }
}
