// The printing that readers annotated in the edition corpus: the sample article as a careless import
// of a journal PDF leaves it. At every page break a running head and page number stand between two
// words as a paragraph of their own; sentences carry superscript footnote markers; long words are
// split at line ends ("interna- tionalism"); quotes and dashes are the article's own mix of straight
// and curly. Each artefact is remembered, so that the next edition can take it out again and the
// corpus knows, char by char, what became of the text around it.
using System.Text;

namespace Annotate.Shared.Tests.Anchoring.Corpus;

/// <summary>A stretch of the old edition that a careful new edition drops or rewrites.</summary>
internal sealed record Artefact(int Start, int Length, string Replacement);

internal sealed class OldEdition
{
    private const int PageLength = 2_300;
    private static readonly string[] RunningHeads = ["JOURNAL OF SOCIAL SCIENCES AND HUMANITIES", "Proletarian Internationalism in the Communist Manifesto"];

    private OldEdition(string text, List<Artefact> artefacts)
    {
        Text = text;
        Artefacts = artefacts;
    }

    public string Text { get; }

    /// <summary>In text order.</summary>
    public IReadOnlyList<Artefact> Artefacts { get; }

    public static OldEdition Print(string article, Random random)
    {
        var text = new StringBuilder();
        var artefacts = new List<Artefact>();
        var page = 100 + random.Next(200);
        var nextBreak = PageLength + random.Next(400);
        var footnote = 0;

        void Add(string artefact, string replacement)
        {
            artefacts.Add(new Artefact(text.Length, artefact.Length, replacement));
            text.Append(artefact);
        }

        for (var i = 0; i < article.Length; i++)
        {
            var c = article[i];
            if (c == ' ' && text.Length >= nextBreak)
            {
                // The page ends between two words: the running head of the next page stands between them.
                page++;
                Add($"\n\n{RunningHeads[page % 2]} {page}\n\n", " ");
                nextBreak = text.Length + PageLength + random.Next(400);
                continue;
            }

            var wordStart = (i == 0 || !char.IsLetter(article[i - 1])) && char.IsLetter(c);
            var word = wordStart ? WordAt(article, i) : 0;
            if (word >= 9 && random.Next(16) == 0)
            {
                // Hyphenated at a line end; the reflow kept the hyphen and made the line break a space.
                var split = 4 + random.Next(word - 7);
                text.Append(article, i, split);
                Add("- ", "");
                text.Append(article, i + split, word - split);
                i += word - 1;
                continue;
            }

            text.Append(c);
            var sentenceEnd = c == '.' && (i + 1 == article.Length || article[i + 1] is ' ' or '\n');
            if (sentenceEnd && random.Next(3) == 0) Add(Superscript(++footnote), "");
        }
        return new OldEdition(text.ToString(), artefacts);
    }

    private static int WordAt(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        return end < text.Length && text[end] == '-' ? 0 : end - start; // compounds keep their own hyphen
    }

    private static string Superscript(int number) =>
        string.Concat(number.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(d => "⁰¹²³⁴⁵⁶⁷⁸⁹"[d - '0']));
}
