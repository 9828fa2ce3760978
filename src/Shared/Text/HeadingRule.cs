namespace Annotate.Shared.Text;

/// <summary>
/// The one heuristic that decides whether a block of text is a heading. The importer (reflow) and
/// the reading view (TextBlocks) must agree, or a heading the importer kept apart would render as a
/// paragraph and paragraph numbers would shift between them.
/// </summary>
internal static class HeadingRule
{
    public const int MaxLength = 120;
    public const int MaxWords = 16;

    // A heading names a section; it does not end a sentence or lead into one.
    private const string SentenceEnd = ".,;:?!…-–—";
    // Closing quotes and brackets are looked through: `… in the “Communist Manifesto”` is a title.
    private const string Closers = "”\"’')]»›";
    private const string Openers = "“\"‘'«‹";

    public static bool IsHeading(ReadOnlySpan<char> block)
    {
        var line = block.Trim();
        if (line.IsEmpty || line.Length > MaxLength || line.ContainsAny('\n', '\r')) return false;
        if (!ContainsLetter(line) || WordCount(line) > MaxWords) return false;

        // Starts like a title: a capital or a section number, not a sentence fragment
        // ("and the bourgeoisie") or a citation ("(Marx & Engels, 1995)").
        var head = line.TrimStart(Openers);
        if (head.IsEmpty || !(char.IsUpper(head[0]) || char.IsDigit(head[0]))) return false;

        // "Second, proletarian internationalism is …" opens an enumerated point: a sentence, not a title.
        var firstSpace = head.IndexOf(' ');
        if (firstSpace > 0 && head[firstSpace - 1] == ',') return false;

        var tail = line.TrimEnd(Closers);
        return !tail.IsEmpty && !SentenceEnd.Contains(tail[^1]);
    }

    private static bool ContainsLetter(ReadOnlySpan<char> line)
    {
        foreach (var c in line)
            if (char.IsLetter(c)) return true;
        return false;
    }

    private static int WordCount(ReadOnlySpan<char> line)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in line)
        {
            var space = char.IsWhiteSpace(c);
            if (!space && !inWord) words++;
            inWord = !space;
        }
        return words;
    }
}
