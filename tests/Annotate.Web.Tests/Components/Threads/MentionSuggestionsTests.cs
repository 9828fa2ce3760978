using AngleSharp.Dom;
using Annotate.Web.Components.Threads;
using Annotate.Web.Features.Notifications;
using Bunit;
using Visibility = Annotate.Shared.Visibility;

namespace Annotate.Web.Tests.Components.Threads;

/// <summary>Typing "@" in the editor offers the members who can see the annotation, by name; picking one writes the mention.</summary>
public sealed class MentionSuggestionsTests : MudComponentTest
{
    private static readonly MentionCandidate Ana = new("0b4e7a3c-1d2f-4e5a-9b8c-7d6e5f4a3b2c", "Ana Lima");
    private static readonly MentionCandidate Anh = new("9f8e7d6c-5b4a-4321-8765-43210fedcba9", "Anh [TA] Tran");
    private static readonly MentionCandidate Tereza = new("1c2d3e4f-0000-4000-8000-000000000001", "Tereza Teacher");

    private readonly List<Visibility> asked = [];
    private readonly List<AnnotationEditor.Submission> submitted = [];

    private IRenderedComponent<AnnotationEditor> RenderEditor() => Context.Render<AnnotationEditor>(ps => ps
        .Add(p => p.OnSubmit, submission =>
        {
            submitted.Add(submission);
            return Task.FromResult<string?>(null);
        })
        .Add(p => p.Mentionable, visibility =>
        {
            asked.Add(visibility);
            // Who can see it: everyone for the seminar, the teacher alone for "Me and the teachers".
            return Task.FromResult<IReadOnlyList<MentionCandidate>>(visibility == Visibility.Teachers ? [Tereza] : [Ana, Anh, Tereza]);
        }));

    private static IElement Comment(IRenderedComponent<AnnotationEditor> cut) => cut.Find("textarea");

    private static List<string> Offered(IRenderedComponent<AnnotationEditor> cut) =>
        [.. cut.FindAll("[role=listbox] [role=option]").Select(o => o.TextContent.Trim())];

    [Fact]
    public void Typing_an_at_sign_offers_matching_members_as_an_accessible_list_and_picking_one_writes_the_mention()
    {
        var cut = RenderEditor();

        Comment(cut).Input("What do you think, @an");

        Assert.Equal(["@Ana Lima", "@Anh [TA] Tran"], Offered(cut));
        Assert.Equal("Mention someone who can see this", cut.Find("[role=listbox]").GetAttribute("aria-label"));
        Assert.All(cut.FindAll("[role=option]"), o => Assert.Equal("button", o.LocalName));

        cut.FindAll("[role=option]")[1].Click();

        Assert.Equal($"What do you think, @[Anh \\[TA\\] Tran](user:{Anh.UserId}) ", Comment(cut).GetAttribute("value") ?? Comment(cut).TextContent);
        Assert.Empty(cut.FindAll("[role=listbox]"));
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Post").Click();
        Assert.Equal($"What do you think, @[Anh \\[TA\\] Tran](user:{Anh.UserId}) ", Assert.Single(submitted).Body);
    }

    [Fact]
    public void Only_those_who_would_see_the_chosen_visibility_are_offered_and_nothing_without_an_at_sign()
    {
        var cut = RenderEditor();

        Comment(cut).Input("Hello team");
        Assert.Empty(cut.FindAll("[role=listbox]"));
        Assert.Empty(asked);

        cut.Find("[role=radiogroup]").QuerySelectorAll("label").Single(l => l.TextContent.Trim() == "Me and the teachers").QuerySelector("input[type=radio]")!.Click();
        Comment(cut).Input("Hello @");

        Assert.Equal(["@Tereza Teacher"], Offered(cut));
        Comment(cut).Input("Hello @zz");
        Assert.Empty(cut.FindAll("[role=listbox]"));
        Comment(cut).Input("an email@example.org");
        Assert.Empty(cut.FindAll("[role=listbox]"));
    }

    [Fact]
    public void An_at_sign_typed_in_the_middle_of_the_text_offers_members_and_the_mention_is_written_at_the_caret()
    {
        const string before = "What do you think, @an";
        const string after = "? I asked Tereza already.";
        // The browser says where the caret is: just after "@an", with more text behind it.
        var module = Context.JSInterop.SetupModule("./Components/Threads/AnnotationEditor.razor.js");
        module.Setup<int?>("caret", _ => true).SetResult(before.Length);
        var placed = module.SetupVoid("placeCaret", _ => true);
        placed.SetVoidResult();
        var cut = RenderEditor();

        Comment(cut).Input(before + after);

        Assert.Equal(["@Ana Lima", "@Anh [TA] Tran"], Offered(cut));
        cut.FindAll("[role=option]")[0].Click();

        var mention = $"@[Ana Lima](user:{Ana.UserId})";
        Assert.Equal($"What do you think, {mention}{after}", Comment(cut).GetAttribute("value") ?? Comment(cut).TextContent);
        Assert.Empty(cut.FindAll("[role=listbox]"));
        // The caret is left just after the mention, where the writer goes on typing.
        Assert.Equal(("What do you think, " + mention).Length, placed.Invocations.Single().Arguments[1]);
    }

    [Fact]
    public void A_mention_picked_before_a_word_is_kept_apart_from_it_by_a_space()
    {
        var module = Context.JSInterop.SetupModule("./Components/Threads/AnnotationEditor.razor.js");
        module.Setup<int?>("caret", _ => true).SetResult("Ask @ter".Length);
        module.SetupVoid("placeCaret", _ => true).SetVoidResult();
        var cut = RenderEditor();

        Comment(cut).Input("Ask @terplease");
        cut.FindAll("[role=option]").Single().Click();

        Assert.Equal($"Ask @[Tereza Teacher](user:{Tereza.UserId}) please", Comment(cut).GetAttribute("value") ?? Comment(cut).TextContent);
    }
}
