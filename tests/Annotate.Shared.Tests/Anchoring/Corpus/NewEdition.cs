// Another edition of a text readers annotated (OldEdition): what a publisher's new edition does to
// it, so that an annotation's position hint is stale by thousands of chars. In order: the old
// printing's page heads, footnote markers and line-end hyphens are taken out; straight quotes,
// apostrophes and spaced hyphens become typographic ones; a section is moved elsewhere and two
// paragraphs with it; a preface is put in front; and the usual typos and word edits follow (a
// teacher's, RevisionEditor, without deleted sentences). The TrackedText keeps,
// for every char of the new edition, where it was in the old one.
namespace Annotate.Shared.Tests.Anchoring.Corpus;

internal static class NewEdition
{
    /// <summary>The editors' own changes: a teacher's typos and words, but no sentence is cut (the preface promises as much).</summary>
    private static readonly EditMix Corrections = EditMix.Teacher with { SentenceDeletions = 0, ParagraphMoves = 0 };

    public static TrackedText Make(OldEdition old, Random random, IReadOnlyList<string> vocabulary)
    {
        var text = new TrackedText(old.Text);
        foreach (var artefact in old.Artefacts.Reverse())
        {
            text.Delete(artefact.Start, artefact.Length);
            text.Insert(artefact.Start, artefact.Replacement);
        }
        NormaliseTypography(text);
        MoveSection(text, random);
        var editor = new RevisionEditor(random, vocabulary);
        editor.Apply(text, new EditMix(Typos: 0, WordInsertions: 0, WordDeletions: 0, SentenceDeletions: 0, ParagraphMoves: 2));
        text.Insert(0, EditionPreface.Text + "\n\n");
        editor.Apply(text, Corrections);
        return text;
    }

    private static void NormaliseTypography(TrackedText text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var before = i > 0 ? text[i - 1] : '\n';
            switch (text[i])
            {
                case '"':
                    text.Replace(i, before is ' ' or '\n' or '(' ? '“' : '”');
                    break;
                case '\'':
                    text.Replace(i, '’');
                    break;
                case '-' when before == ' ' && i + 1 < text.Length && text[i + 1] == ' ':
                    text.Replace(i, '–');
                    break;
            }
        }
    }

    /// <summary>Moves one section (a heading and the paragraphs up to the next heading) before or after another.</summary>
    private static void MoveSection(TrackedText text, Random random)
    {
        var current = text.ToString();
        var paragraphs = Paragraphs(current);
        var headings = paragraphs.Where(p => IsHeading(current, p)).Select(p => p.Start).ToList();
        var sections = headings.Select((start, i) => (Start: start, End: i + 1 < headings.Count ? headings[i + 1] - 2 : current.Length))
            .Where(s => s.End - s.Start >= 500)
            .ToList();
        var (from, end) = sections[random.Next(sections.Count)];
        var targets = headings.Where(h => h < from || h > end).ToList();
        var to = targets[random.Next(targets.Count)];

        // Cut "section\n\n" and paste it before the heading chosen (the section's own "\n\n" goes with it).
        if (end == current.Length)
        {
            text.Move(from - 2, end - from + 2, to - 2);
        }
        else
        {
            var length = end + 2 - from;
            text.Move(from, length, to > from ? to - length : to);
        }
    }

    private static bool IsHeading(string text, (int Start, int End) paragraph) =>
        paragraph.End - paragraph.Start < 100 && text[paragraph.End - 1] != '.';

    private static List<(int Start, int End)> Paragraphs(string text)
    {
        var paragraphs = new List<(int Start, int End)>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            if (end < 0) end = text.Length;
            if (end > start) paragraphs.Add((start, end));
            start = end + 2;
        }
        return paragraphs;
    }
}
