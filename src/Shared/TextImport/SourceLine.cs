namespace Annotate.Shared.TextImport;

/// <summary>
/// One line of extracted text, trimmed and with runs of spaces collapsed. <see cref="Indented"/> keeps
/// the one layout fact the trimming throws away: PDF extractors mark a paragraph's first line with a
/// leading space.
/// </summary>
internal readonly record struct SourceLine(string Text, bool Indented)
{
    // Where a sentence (or a lead-in to a list) ends, looking through closing quotes and brackets.
    private const string SentenceEnd = ".!?…:";
    private const string Closers = "”\"’')]»";
    private const string Openers = "“\"‘'([«";

    public static SourceLine From(string raw)
    {
        var indented = raw.Length > 0 && char.IsWhiteSpace(raw[0]);
        return new SourceLine(CollapseSpaces(raw.AsSpan().Trim()), indented);
    }

    public bool EndsSentence
    {
        get
        {
            var tail = Text.AsSpan().TrimEnd(Closers);
            return !tail.IsEmpty && SentenceEnd.Contains(tail[^1]);
        }
    }

    /// <summary>Begins like a new sentence or title: a capital or a digit, possibly after an opening quote.</summary>
    public bool StartsCapitalised
    {
        get
        {
            var head = Text.AsSpan().TrimStart(Openers);
            return !head.IsEmpty && (char.IsUpper(head[0]) || char.IsDigit(head[0]));
        }
    }

    public bool StartsLowercase => Text.Length > 0 && char.IsLower(Text[0]);

    private static string CollapseSpaces(ReadOnlySpan<char> line)
    {
        var result = new System.Text.StringBuilder(line.Length);
        var lastWasSpace = false;
        foreach (var c in line)
        {
            // Tabs and the odd non-breaking space from extraction are word gaps like any other.
            var space = c is ' ' or '\t' or '\u00A0';
            if (space && lastWasSpace) continue;
            result.Append(space ? ' ' : c);
            lastWasSpace = space;
        }
        return result.ToString();
    }
}
