using AngleSharp.Dom;
using Visibility = Annotate.Shared.Visibility;
using Annotate.Web.Components.Threads;
using Annotate.Web.Features.Annotations;
using Bunit;

namespace Annotate.Web.Tests.Components.Threads;

public sealed class AnnotationEditorTests : MudComponentTest
{
    private readonly List<AnnotationEditor.Submission> submitted = [];
    private string? answer;

    private IRenderedComponent<AnnotationEditor> RenderEditor(Action<ComponentParameterCollectionBuilder<AnnotationEditor>>? more = null) =>
        Context.Render<AnnotationEditor>(ps =>
        {
            ps.Add(p => p.OnSubmit, submission =>
            {
                submitted.Add(submission);
                return Task.FromResult(answer);
            });
            more?.Invoke(ps);
        });

    /// <summary>The textbox whose label is <paramref name="name"/> (found through the label's for=).</summary>
    private static IElement Textbox(IRenderedComponent<AnnotationEditor> cut, string name)
    {
        var label = cut.FindAll("label").Single(l => l.TextContent.Trim() == name);
        return cut.Find($"#{label.GetAttribute("for")}");
    }

    private static IElement Button(IRenderedComponent<AnnotationEditor> cut, string name) =>
        cut.FindAll("button").Single(b => (b.GetAttribute("aria-label") ?? b.TextContent.Trim()) == name);

    private static IElement Radio(IRenderedComponent<AnnotationEditor> cut, string name) =>
        cut.Find("[role=radiogroup]").QuerySelectorAll("label").Single(l => l.TextContent.Trim() == name).QuerySelector("input[type=radio]")!;

    private static string? ErrorText(IRenderedComponent<AnnotationEditor> cut) =>
        cut.FindAll(".mud-input-helper-text.mud-input-error").SingleOrDefault()?.TextContent.Trim();

    [Fact]
    public void Offers_a_Comment_textbox_a_Visibility_choice_and_a_Post_button()
    {
        var cut = RenderEditor();

        Assert.Equal("textarea", Textbox(cut, "Comment").LocalName);
        var group = cut.Find("[role=radiogroup]");
        Assert.Equal("Visibility", group.GetAttribute("aria-label"));
        Assert.Equal(["Whole seminar", "Me and the teachers", "Only me"], group.QuerySelectorAll("label").Select(l => l.TextContent.Trim()));
        Assert.True(Radio(cut, "Whole seminar").HasAttribute("checked"));
        Assert.NotNull(Button(cut, "Post"));
    }

    [Fact]
    public void Posting_an_empty_comment_says_so_and_does_not_submit()
    {
        var cut = RenderEditor();

        Textbox(cut, "Comment").Input("   ");
        Button(cut, "Post").Click();

        Assert.Equal("A comment needs some text.", ErrorText(cut));
        Assert.Equal("true", Textbox(cut, "Comment").GetAttribute("aria-invalid"));
        Assert.Empty(submitted);
    }

    [Fact]
    public void Posting_a_comment_over_the_length_limit_says_so_and_does_not_submit()
    {
        var cut = RenderEditor();

        Textbox(cut, "Comment").Input(new string('a', AnnotationRules.MaxBodyLength + 1));
        Button(cut, "Post").Click();

        Assert.Equal(AnnotationRules.CheckBody("commenting", new string('a', AnnotationRules.MaxBodyLength + 1)), ErrorText(cut));
        Assert.Contains("the limit is", ErrorText(cut));
        Assert.Empty(submitted);
    }

    [Fact]
    public void A_comment_at_the_length_limit_is_submitted()
    {
        var cut = RenderEditor();

        Textbox(cut, "Comment").Input(new string('a', AnnotationRules.MaxBodyLength));
        Button(cut, "Post").Click();

        Assert.Equal(AnnotationRules.MaxBodyLength, Assert.Single(submitted).Body.Length);
    }

    [Fact]
    public void Posting_submits_the_body_and_the_chosen_visibility()
    {
        var cut = RenderEditor();

        Textbox(cut, "Comment").Input("Is this *internationalism* or solidarity?");
        Radio(cut, "Only me").Click();
        Button(cut, "Post").Click();

        Assert.Equal([new AnnotationEditor.Submission("Is this *internationalism* or solidarity?", Visibility.Private)], submitted);
        Assert.Null(ErrorText(cut));
    }

    [Fact]
    public void Fixing_the_comment_clears_the_error()
    {
        var cut = RenderEditor();
        Button(cut, "Post").Click();
        Assert.NotNull(ErrorText(cut));

        Textbox(cut, "Comment").Input("Now with text.");

        Assert.Null(ErrorText(cut));
    }

    [Fact]
    public void A_refusal_from_the_server_is_shown()
    {
        answer = "The document has a newer revision; reload to annotate it.";
        var cut = RenderEditor();

        Textbox(cut, "Comment").Input("A fine comment.");
        Button(cut, "Post").Click();

        Assert.Single(submitted);
        Assert.Equal(answer, ErrorText(cut));
    }

    [Fact]
    public void A_refusal_from_the_server_is_shown_even_when_posting_from_the_preview()
    {
        answer = "The document has a newer revision; reload to annotate it.";
        var cut = RenderEditor();

        Textbox(cut, "Comment").Input("A fine comment.");
        Button(cut, "Preview").Click();
        Button(cut, "Post").Click();

        Assert.Single(submitted);
        Assert.Equal(answer, ErrorText(cut));
    }

    [Fact]
    public void Preview_renders_the_Markdown_safely()
    {
        var cut = RenderEditor();

        Textbox(cut, "Comment").Input("**Solidarity** first. <script>alert('x')</script> [see](javascript:alert(1))");
        Button(cut, "Preview").Click();

        var preview = cut.Find(".markdown-preview");
        Assert.Equal("Solidarity", preview.QuerySelector("strong")!.TextContent);
        Assert.Empty(preview.QuerySelectorAll("script"));
        Assert.Contains("<script>", preview.TextContent);
        Assert.All(preview.QuerySelectorAll("a"), a => Assert.DoesNotContain("javascript:", a.GetAttribute("href") ?? ""));
        Assert.Empty(cut.FindAll("textarea"));

        Button(cut, "Write").Click();

        Assert.Equal("**Solidarity** first. <script>alert('x')</script> [see](javascript:alert(1))", Textbox(cut, "Comment").GetAttribute("value"));
    }

    [Fact]
    public void Previewing_a_comment_over_the_length_limit_says_so_as_posting_does_and_renders_nothing()
    {
        var cut = RenderEditor();
        var tooLong = string.Concat(Enumerable.Repeat("**Solidarity** ", AnnotationRules.MaxBodyLength / 15 + 1));

        Textbox(cut, "Comment").Input(tooLong);
        Button(cut, "Preview").Click();

        Assert.Empty(cut.FindAll(".markdown-preview"));
        Assert.Equal(AnnotationRules.CheckBody("commenting", tooLong), ErrorText(cut));
        Assert.Contains("the limit is 20,000", ErrorText(cut));
    }

    [Fact]
    public void Cancel_invokes_OnCancel_without_submitting()
    {
        var cancelled = 0;
        var cut = RenderEditor(ps => ps.Add(p => p.OnCancel, () => cancelled++));

        Textbox(cut, "Comment").Input("Half a thought");
        Button(cut, "Cancel").Click();

        Assert.Equal(1, cancelled);
        Assert.Empty(submitted);
    }

    [Fact]
    public void A_reply_editor_has_its_own_label_and_wording_and_no_visibility()
    {
        var cut = RenderEditor(ps => ps
            .Add(p => p.Label, "Your reply")
            .Add(p => p.SubmitText, "Post reply")
            .Add(p => p.Motivation, "replying")
            .Add(p => p.ShowVisibility, false));

        Button(cut, "Post reply").Click();

        Assert.Empty(cut.FindAll("[role=radiogroup]"));
        Assert.Equal("textarea", Textbox(cut, "Your reply").LocalName);
        Assert.Equal("A reply needs some text.", ErrorText(cut));
        Assert.Empty(submitted);
    }

    [Fact]
    public void A_kept_draft_comes_back_and_is_cleared_once_posted()
    {
        const string key = "annotate:draft:new:1";
        Context.JSInterop.Setup<string?>("localStorage.getItem", key)
            .SetResult("""{"Body":"Where I stopped","Visibility":1,"Start":10,"End":40}""");
        var removed = Context.JSInterop.SetupVoid("localStorage.removeItem", key);
        var cut = RenderEditor(ps => ps.Add(p => p.DraftKey, key));

        cut.WaitForAssertion(() => Assert.Equal("Where I stopped", Textbox(cut, "Comment").GetAttribute("value")));
        Assert.True(Radio(cut, "Me and the teachers").HasAttribute("checked"));

        Button(cut, "Post").Click();

        Assert.Equal([new AnnotationEditor.Submission("Where I stopped", Visibility.Teachers)], submitted);
        Assert.Single(removed.Invocations);
    }
}
