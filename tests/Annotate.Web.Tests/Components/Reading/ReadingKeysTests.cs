using Annotate.Web.Components.Reading;
using Bunit;
using Bunit.JSInterop;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using static Annotate.Web.Tests.Components.TestArticle;

namespace Annotate.Web.Tests.Components.Reading;

/// <summary>
/// The reading page's shortcuts (issue 14, Keyboard): the help dialog lists them and turns single keys off (WCAG
/// 2.1.4), remembered by the page's script, and gives focus back where it was; j/k walk the threads as listed;
/// Enter on a highlight opens its thread. The keys themselves are pressed in a browser (E2E KeyboardShortcutsTests).
/// </summary>
public sealed class ReadingKeysTests : MudComponentTest
{
    private readonly BunitJSModuleInterop handle;
    private readonly Discussion discussion = new();
    private readonly List<Guid> revealed = [];

    public ReadingKeysTests()
    {
        var module = Context.JSInterop.SetupModule("./Components/Reading/ReadingKeys.razor.js");
        handle = module.SetupModule(invocation => invocation.Identifier == "attach");
        handle.Mode = JSRuntimeMode.Loose;
        discussion.Load(Excerpt,
        [
            Thread(Excerpt, "Communist Manifesto", body: "First."),
            Thread(Excerpt, "capitalism had developed", body: "Second."),
            Thread(Excerpt, "Proletarians of all countries unite!", body: "Third."),
        ]);
    }

    private IRenderedComponent<ReadingKeys> Render() => Context.Render<ReadingKeys>(ps => ps
        .Add(p => p.Threads, discussion.Threads)
        .Add(p => p.Discussion, discussion)
        .Add(p => p.OnReveal, EventCallback.Factory.Create<Guid>(this, id => revealed.Add(id))));

    private async Task<IRenderedComponent<MudDialogProvider>> OpenHelpAsync(bool enabled)
    {
        handle.Setup<bool>("enabled").SetResult(enabled);
        var provider = Context.Render<MudDialogProvider>();
        var keys = Render();
        await keys.Find("button[aria-keyshortcuts='?']").ClickAsync(new());
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll("[role=dialog]")));
        return provider;
    }

    private static bool SwitchOn(IRenderedComponent<MudDialogProvider> dialog) =>
        dialog.Find("input[type=checkbox]").GetAttribute("aria-checked") == "true";

    [Fact]
    public async Task The_help_dialog_lists_every_shortcut_with_what_it_does()
    {
        var dialog = await OpenHelpAsync(enabled: true);

        Assert.Equal("Keyboard shortcuts", dialog.Find("#shortcuts-dialog-title").TextContent.Trim());
        var rows = dialog.FindAll(".shortcuts-table tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(ReadingShortcuts.All.Count, rows.Count);
        Assert.Contains(["j", "Next thread"], rows);
        Assert.Contains(["k", "Previous thread"], rows);
        Assert.Contains(["a", "Annotate the selected passage"], rows);
        Assert.Contains(["r", "Reply to the focused thread"], rows);
        Assert.Contains(["?", "Show these shortcuts"], rows);
        Assert.Contains(rows, row => row[0] == "Enter" && row[1].Contains("go to its thread", StringComparison.Ordinal));
        Assert.True(SwitchOn(dialog), dialog.Find("input[type=checkbox]").OuterHtml);
    }

    [Fact]
    public async Task Turning_single_keys_off_in_the_dialog_is_kept_by_the_script_and_said()
    {
        var dialog = await OpenHelpAsync(enabled: true);

        await dialog.Find("input[type=checkbox]").ChangeAsync(new ChangeEventArgs { Value = false });

        var call = handle.VerifyInvoke("setEnabled");
        Assert.Equal(false, call.Arguments[0]);
        dialog.WaitForAssertion(() => Assert.Contains("Single-key shortcuts are off in this browser", dialog.Markup, StringComparison.Ordinal));
        Assert.Contains(dialog.FindAll(".shortcuts-table td"), td => td.TextContent.Trim() == "Next thread (off)");
    }

    [Fact]
    public async Task The_dialog_opens_showing_single_keys_off_when_the_browser_has_them_off()
    {
        var dialog = await OpenHelpAsync(enabled: false);

        Assert.False(SwitchOn(dialog), dialog.Find("input[type=checkbox]").OuterHtml);
        Assert.Contains("Single-key shortcuts are off in this browser", dialog.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_the_dialog_gives_focus_back_to_where_it_was()
    {
        var dialog = await OpenHelpAsync(enabled: true);
        handle.VerifyInvoke("rememberFocus");
        Assert.Empty(handle.Invocations["restoreFocus"]);

        await dialog.FindAll("button").Single(b => b.TextContent.Trim() == "Close").ClickAsync(new());

        dialog.WaitForAssertion(() => Assert.Empty(dialog.FindAll("[role=dialog]")));
        dialog.WaitForAssertion(() => handle.VerifyInvoke("restoreFocus"));
    }

    [Fact]
    public async Task J_and_k_walk_the_threads_in_their_order_and_stop_at_either_end()
    {
        var keys = Render();
        var ids = discussion.Threads.Select(t => t.Id).ToList();

        await keys.InvokeAsync(() => keys.Instance.Move(position: 0, step: 1));
        await keys.InvokeAsync(() => keys.Instance.Move(position: 1, step: 1));
        await keys.InvokeAsync(() => keys.Instance.Move(position: 3, step: 1));
        await keys.InvokeAsync(() => keys.Instance.Move(position: 2, step: -1));
        await keys.InvokeAsync(() => keys.Instance.Move(position: 1, step: -1));
        await keys.InvokeAsync(() => keys.Instance.Move(position: 0, step: -1));

        Assert.Equal([ids[0], ids[1], ids[2], ids[0], ids[0], ids[2]], revealed);
    }

    [Fact]
    public async Task Enter_on_a_highlight_opens_the_thread_its_mark_names()
    {
        var keys = Render();
        var second = discussion.Threads[1].Id;

        await keys.InvokeAsync(() => keys.Instance.OpenThread(discussion.KeyOf(second)!));
        await keys.InvokeAsync(() => keys.Instance.OpenThread("nokey"));

        Assert.Equal([second], revealed);
    }
}
