using System.Globalization;
using System.Text;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Languages;
using Annotate.Web.Resources;

namespace Annotate.Web.Components.Reading;

/// <summary>
/// How much discussion one paragraph holds, for the heat map beside the text (issue 14, the confusion map): the
/// threads that start in it and how many of them are open questions (<see cref="AnnotationPermissions.IsOpenQuestion"/>). Counted from the page's
/// discussion, which holds only what its reader may see, so the number never tells of a thread hidden from them.
/// Drawn into the paragraph's markup (<see cref="MarkedText"/>) as a shade, a number and a sentence for screen
/// readers, not as a component: a page of a long text has hundreds of paragraphs (issue 12, memory per open page).
/// </summary>
internal readonly record struct ParagraphHeat(int Threads, int OpenQuestions)
{
    /// <summary>This paragraph's heat with one more thread, whose first annotation is <paramref name="root"/>.</summary>
    public ParagraphHeat With(AnnotationView root) =>
        new(Threads + 1, OpenQuestions + (AnnotationPermissions.IsOpenQuestion(root) ? 1 : 0));

    /// <summary>The shade, 1 (a thread) to 4 (seven or more); 0 for none.</summary>
    public int Level => Threads switch
    {
        0 => 0,
        1 => 1,
        <= 3 => 2,
        <= 6 => 3,
        _ => 4,
    };

    /// <summary>
    /// What a screen reader says, e.g. "Paragraph 3: 4 threads, 2 open questions", in the page's language: one
    /// sentence per plural form. (Drawn into the discussion's markup, not by a component: the static localizer.)
    /// </summary>
    public string Sentence(int paragraph) => (Threads, OpenQuestions) switch
    {
        (1, 0) => Words.L["Reading.HeatOneThread", paragraph],
        (_, 0) => Words.L["Reading.HeatThreads", paragraph, Threads],
        (1, _) => Words.L["Reading.HeatOneThreadOneQuestion", paragraph],
        (_, 1) => Words.L["Reading.HeatThreadsOneQuestion", paragraph, Threads],
        _ => Words.L["Reading.HeatThreadsQuestions", paragraph, Threads, OpenQuestions],
    };

    /// <summary>
    /// The heat as HTML, beside the paragraph number: nothing for a paragraph no thread starts in. The number (and
    /// open questions as "2?") is seen, the sentence heard; the shade only repeats what the number says.
    /// </summary>
    public void AppendHtml(StringBuilder html, int paragraph)
    {
        if (Threads == 0) return;
        var sentence = Sentence(paragraph);
        html.Append("<span class=\"heat h").Append(Level.ToString(CultureInfo.InvariantCulture)).Append("\" lang=\"").Append(Languages.Current).Append("\" title=\"").Append(sentence)
            .Append("\"><span aria-hidden=\"true\">").Append(Threads.ToString(CultureInfo.InvariantCulture));
        if (OpenQuestions > 0) html.Append("<span class=\"heat-q\">").Append(OpenQuestions.ToString(CultureInfo.InvariantCulture)).Append("?</span>");
        html.Append("</span><span class=\"sr-only\">").Append(sentence).Append(".</span></span>");
    }
}
