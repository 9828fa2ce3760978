namespace Annotate.Shared.Tests.Anchoring.Corpus;

/// <summary>
/// The preface a new edition puts in front of the sample article (NewEdition): some 2,400 chars that
/// move every old position, written in the article's own vocabulary, as a real preface would be.
/// </summary>
internal static class EditionPreface
{
    public const string Text =
        """
        PREFACE TO THE SECOND EDITION

        This edition of the article reproduces the text of the journal printing with a small number of corrections. The running heads and page numbers of the printed journal have been removed, and so have the note markers, since the notes themselves are not reprinted here; readers who want them will find them in the journal issue. Words that the printer divided at the ends of lines have been joined again, and the quotation marks, apostrophes and dashes, which were set inconsistently in the first printing, now follow one style throughout.

        Some readers of the first printing asked why the section on the present context follows the discussion of the Manifesto rather than preceding it. The order has been reconsidered for this edition, and a few paragraphs now stand where the argument needs them. No sentence has been added to the argument itself, although the authors have taken the opportunity to correct slips of spelling and to remove a few repetitions that the first printing left standing.

        The article was written for readers who know the Manifesto of 1848 and the history of the international working-class movement in outline. It asks what the slogan of the Manifesto meant to its authors, how the idea of international solidarity was carried through the First and Second Internationals and the Communist International, and what it can mean for workers and for the parties of the working class at a time of global production, migration and digital labour. Quotations from Marx and Engels are given in the English of the collected works cited in the text.

        Teachers who use the article in seminars have told us that their students annotate it heavily, and that the discussion it provokes is the best measure of its worth. We hope that this edition, with its cleaner text, serves them as well as the first one did, and we thank the colleagues whose comments on the first printing are reflected in these pages.

        The editors
        """;
}
