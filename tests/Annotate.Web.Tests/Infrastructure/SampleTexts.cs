namespace Annotate.Web.Tests.Infrastructure;

/// <summary>Canonical texts for tests: real prose, paragraphs separated by "\n\n", no trailing newline.</summary>
public static class SampleTexts
{
    /// <summary>The opening and the close of the Communist Manifesto (1888 English translation).</summary>
    public const string Manifesto =
        "Manifesto of the Communist Party\n\n" +
        "A spectre is haunting Europe — the spectre of communism. All the powers of old Europe have entered " +
        "into a holy alliance to exorcise this spectre: Pope and Tsar, Metternich and Guizot, French Radicals " +
        "and German police-spies.\n\n" +
        "The history of all hitherto existing society is the history of class struggles.\n\n" +
        "The proletarians have nothing to lose but their chains. They have a world to win. " +
        "Working men of all countries, unite!";

    /// <summary>
    /// Astral-plane characters (two UTF-16 units, one code point each) before the passage, so that
    /// code point and UTF-16 offsets of everything after them differ.
    /// </summary>
    public const string WithEmoji =
        "Reading notes 🎉📚\n\n" +
        "Marx 🧔 wrote that the history of all hitherto existing society is the history of class struggles.";
}
