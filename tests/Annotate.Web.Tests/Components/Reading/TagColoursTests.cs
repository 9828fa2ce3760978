using Annotate.Web.Components.Reading;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Tags;
using Annotate.Web.Realtime;
using static Annotate.Web.Tests.Components.TestArticle;

namespace Annotate.Web.Tests.Components.Reading;

/// <summary>
/// Highlights coloured by tag (issue 14), without a renderer: which tag a thread shows, the class its marks carry,
/// the vocabulary's style sheet, and the marks following a thread's tags and the vocabulary as they change.
/// </summary>
public sealed class TagColoursTests
{
    private static readonly TagColours Vocabulary = new([Tag("Context", "#fde68a"), Tag("Evidence", "#0000ff"), Tag("Style", "#ffff00")]);

    private static TagEntry Tag(string name, string colour) => new(0, name, colour, "");

    private static AnnotationView Tagged(string exact, params string[] tags) => Thread(Excerpt, exact) with { Tags = tags };

    private static Discussion Loaded(TagColours colours, params AnnotationView[] threads)
    {
        var discussion = new Discussion();
        discussion.UseTagColours(colours);
        discussion.Load(Excerpt, threads);
        return discussion;
    }

    [Fact]
    public void A_thread_shows_its_first_tag_in_the_vocabularys_order_whatever_the_case_or_order_written()
    {
        Assert.Equal(1, Vocabulary.IndexOf(["style", "EVIDENCE", "unknown"]));
        Assert.Equal(0, Vocabulary.IndexOf(["Style", " context "]));
        Assert.Null(Vocabulary.IndexOf(["unknown"]));
        Assert.Null(Vocabulary.IndexOf([]));
        Assert.Null(TagColours.None.IndexOf(["Context"]));
    }

    [Fact]
    public void The_underline_cues_go_round_the_tags_in_turn()
    {
        Assert.Equal([TagCue.Solid, TagCue.Dashed, TagCue.Dotted, TagCue.Double, TagCue.Wavy, TagCue.Thick, TagCue.Solid],
            Enumerable.Range(0, 7).Select(TagColours.CueOf));
    }

    [Fact]
    public void Marks_carry_the_class_of_their_threads_tag_and_untagged_ones_none()
    {
        var tagged = Tagged("Proletarians of all countries unite!", "Style", "Evidence");
        var plain = Thread(Excerpt, "their international character");

        var markup = string.Concat(Loaded(Vocabulary, tagged, plain).Markup);

        Assert.Contains($"<mark class=\"d1 t1\" data-t=\"{MarkedText.Key(tagged.Id)}\">Proletarians of all countries unite!</mark>", markup, StringComparison.Ordinal);
        Assert.Contains($"<mark class=\"d1\" data-t=\"{MarkedText.Key(plain.Id)}\">their international character</mark>", markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Where_highlights_overlap_the_innermost_tagged_thread_colours_the_passage()
    {
        var outer = Tagged("Proletarians of all countries unite!", "Context");
        var inner = Thread(Excerpt, "all countries");
        var innerTagged = Tagged("countries", "Style");

        var markup = string.Concat(Loaded(Vocabulary, outer, inner, innerTagged).Markup);

        // The untagged comment inside does not break the tagged passage's colour; the innermost tagged one wins where it lies.
        Assert.Contains("<mark class=\"d2 t0\"", markup, StringComparison.Ordinal);
        Assert.Contains(">all </mark><mark class=\"d3 t2\"", markup, StringComparison.Ordinal);
        Assert.DoesNotContain("<mark class=\"d2\"", markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_thread_whose_tags_change_is_drawn_again_with_its_new_colour_and_its_neighbours_are_not()
    {
        var thread = Tagged("Proletarians of all countries unite!", "Context");
        var elsewhere = Tagged("written and published", "Style");
        var discussion = Loaded(Vocabulary, thread, elsewhere);
        var before = discussion.Markup;

        Assert.True(discussion.Apply(AnnotationEventKind.Updated, thread with { Tags = ["Evidence"], Version = 2 }));

        var changed = Enumerable.Range(0, before.Count).Where(b => !ReferenceEquals(before[b], discussion.Markup[b])).ToList();
        Assert.Contains("<mark class=\"d1 t1\"", string.Concat(changed.Select(b => discussion.Markup[b])), StringComparison.Ordinal);
        Assert.DoesNotContain(changed, b => discussion.Markup[b].Contains("written and published", StringComparison.Ordinal));

        Assert.True(discussion.Apply(AnnotationEventKind.Updated, thread with { Tags = [], Version = 3 }));
        Assert.DoesNotContain(" t1\"", string.Concat(discussion.Markup), StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_vocabulary_redraws_the_marks_only_when_a_tags_place_changes()
    {
        var thread = Tagged("Proletarians of all countries unite!", "Style");
        var discussion = Loaded(Vocabulary, thread);
        var drawn = discussion.Markup;

        // A new colour only: the style sheet changes, the marks stay as drawn.
        discussion.UseTagColours(new TagColours([Tag("Context", "#000000"), Tag("Evidence", "#0000ff"), Tag("Style", "#ffff00")]));
        Assert.Same(drawn, discussion.Markup);

        // A tag taken out: Style moves up a place.
        discussion.UseTagColours(new TagColours([Tag("Evidence", "#0000ff"), Tag("Style", "#ffff00")]));
        Assert.Contains("<mark class=\"d1 t1\"", string.Concat(discussion.Markup), StringComparison.Ordinal);
        discussion.UseTagColours(TagColours.None);
        Assert.DoesNotContain(" t1\"", string.Concat(discussion.Markup), StringComparison.Ordinal);
    }

    [Fact]
    public void The_style_sheet_gives_every_tag_both_themes_tints_and_its_underline_and_never_names_a_tag()
    {
        var colours = new TagColours([Tag("</style><script>", "#fde68a"), Tag("Bad colour", "red"), Tag("Style", "#ffff00"), Tag("a", "#000000"),
            Tag("b", "#000000"), Tag("c", "#000000")]);

        var css = colours.Stylesheet;

        Assert.StartsWith("<style>", css, StringComparison.Ordinal);
        Assert.Equal(1, css.Split("</style>").Length - 1);
        Assert.DoesNotContain("script", css, StringComparison.Ordinal);
        Assert.Contains(".app-light{--t0:", css, StringComparison.Ordinal);
        Assert.Contains(".app-dark{--t0:", css, StringComparison.Ordinal);
        Assert.Contains(".tag-colours .block-text mark.t0,.tag-sample.t0{background:var(--t0o);text-decoration-line:underline;text-decoration-style:solid}", css,
            StringComparison.Ordinal);
        Assert.Contains(".tag-colours .block-text mark.t0.d1,.tag-sample.t0{background:var(--t0)}", css, StringComparison.Ordinal);
        // A colour that is not #rrggbb colours nothing, rather than write it into the sheet.
        Assert.DoesNotContain("--t1:", css, StringComparison.Ordinal);
        Assert.DoesNotContain("mark.t1", css, StringComparison.Ordinal);
        Assert.Contains("mark.t2,.tag-sample.t2{background:var(--t2o);text-decoration-line:underline;text-decoration-style:dotted}", css, StringComparison.Ordinal);
        Assert.Contains("text-decoration-style:solid;text-decoration-thickness:0.2em", css, StringComparison.Ordinal);
        Assert.Matches("^[-.a-z0-9{}:;#,() ]+$", css["<style>".Length..^"</style>".Length]);
    }
}
