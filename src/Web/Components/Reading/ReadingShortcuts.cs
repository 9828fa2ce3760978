namespace Annotate.Web.Components.Reading;

/// <summary>
/// The reading page's keyboard shortcuts, listed once: the help dialog shows this list, and ReadingKeys.razor.js
/// answers the same keys. Single character keys can be turned off (WCAG 2.1.4: a speech-input user's dictated word
/// must not fire them); the setting lives in the browser, under <see cref="StorageKey"/>, which the script reads too.
/// </summary>
internal static class ReadingShortcuts
{
    /// <summary>
    /// One shortcut as the help dialog lists it: the keys to press (as printed on them, or words to translate when
    /// <paramref name="KeysInWords"/>) and the resource key of what they do.
    /// </summary>
    public sealed record Shortcut(string Keys, string Action, bool SingleKey, bool KeysInWords = false);

    /// <summary>The localStorage key whose value "off" turns single-key shortcuts off (ReadingKeys.razor.js reads it).</summary>
    public const string StorageKey = "annotate:reading:shortcuts";

    public static IReadOnlyList<Shortcut> All { get; } =
    [
        new("j", "Keys.NextThread", SingleKey: true),
        new("k", "Keys.PreviousThread", SingleKey: true),
        new("a", "Keys.AnnotateSelected", SingleKey: true),
        new("r", "Keys.ReplyFocused", SingleKey: true),
        new("?", "Keys.ShowShortcuts", SingleKey: true),
        new("Enter", "Keys.Enter", SingleKey: false),
        new("Keys.ArrowKeys", "Keys.Arrows", SingleKey: false, KeysInWords: true),
        new("Page Down / Page Up", "Keys.Pages", SingleKey: false),
        new("Ctrl+Enter", "Keys.CtrlEnter", SingleKey: false),
        new("Escape", "Keys.Escape", SingleKey: false),
    ];
}
