namespace Annotate.Web.Components.Reading;

/// <summary>
/// The reading page's keyboard shortcuts, listed once: the help dialog shows this list, and ReadingKeys.razor.js
/// answers the same keys. Single character keys can be turned off (WCAG 2.1.4: a speech-input user's dictated word
/// must not fire them); the setting lives in the browser, under <see cref="StorageKey"/>, which the script reads too.
/// </summary>
internal static class ReadingShortcuts
{
    /// <summary>One shortcut as the help dialog lists it: the keys to press and what they do.</summary>
    public sealed record Shortcut(string Keys, string Action, bool SingleKey);

    /// <summary>The localStorage key whose value "off" turns single-key shortcuts off (ReadingKeys.razor.js reads it).</summary>
    public const string StorageKey = "annotate:reading:shortcuts";

    public static IReadOnlyList<Shortcut> All { get; } =
    [
        new("j", "Next thread", SingleKey: true),
        new("k", "Previous thread", SingleKey: true),
        new("a", "Annotate the selected passage", SingleKey: true),
        new("r", "Reply to the focused thread", SingleKey: true),
        new("?", "Show these shortcuts", SingleKey: true),
        new("Enter", "In the text, with the caret on a highlight: go to its thread. On a focused thread: show its passage in the text", SingleKey: false),
        new("Arrow keys", "In the text: move by paragraph (Up, Down) or character (Left, Right); with Shift, select", SingleKey: false),
        new("Page Down / Page Up", "In the discussion: next or previous thread", SingleKey: false),
        new("Ctrl+Enter", "In a comment box: post", SingleKey: false),
        new("Escape", "In a comment box: cancel; in a dialog: close it", SingleKey: false),
    ];
}
