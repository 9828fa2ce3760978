using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Annotate.Web.Components.Threads;

/// <summary>
/// What MudBlazor's paper, avatar, chip, button and icon draw, as classes and markup a thread card writes itself.
/// A component costs an open page about 3 KB of render tree and state, and a card drawn with MudBlazor's made six
/// to twelve of them: twenty cards were a quarter of a reading page (issue 12, memory per open page). The card
/// keeps their look (the same elements and classes, so MudBlazor's styles apply) without their components.
/// </summary>
internal static class CardMarkup
{
    public const string Paper = "mud-paper mud-paper-outlined thread-card pa-3 mb-3";
    public const string Avatar = "mud-avatar mud-avatar-small mud-avatar-outlined mud-avatar-outlined-primary mud-elevation-0";
    public const string TextButton = "mud-button-root mud-button mud-button-text mud-button-text-default mud-button-text-size-small mud-ripple";
    public const string ErrorButton = "mud-button-root mud-button mud-button-text mud-button-text-error mud-button-text-size-small mud-ripple";
    public const string TertiaryButton = "mud-button-root mud-button mud-button-text mud-button-text-tertiary mud-button-text-size-small mud-ripple";
    public const string OutlinedButton = "mud-button-root mud-button mud-button-outlined mud-button-outlined-primary mud-button-outlined-size-small mud-ripple mb-1";
    /// <summary>A small outlined button in a row of fields (no margin below).</summary>
    public const string OutlinedRowButton = "mud-button-root mud-button mud-button-outlined mud-button-outlined-primary mud-button-outlined-size-small mud-ripple";
    /// <summary>A small text button in the primary colour (a toggle that is on).</summary>
    public const string PrimaryTextButton = "mud-button-root mud-button mud-button-text mud-button-text-primary mud-button-text-size-small mud-ripple";
    public const string TextChip = "mud-chip mud-chip-text mud-chip-size-small mud-chip-color-default";
    public const string VisibilityChip = TextChip + " thread-visibility";
    public const string SecondaryChip = "mud-chip mud-chip-outlined mud-chip-size-small mud-chip-color-secondary";
    public const string FeedbackChip = "mud-chip mud-chip-outlined mud-chip-size-small mud-chip-color-tertiary thread-feedback-chip";
    public const string WarningChip = "mud-chip mud-chip-outlined mud-chip-size-small mud-chip-color-warning";
    public const string SuccessChip = "mud-chip mud-chip-outlined mud-chip-size-small mud-chip-color-success";
    public const string InfoChip = "mud-chip mud-chip-outlined mud-chip-size-small mud-chip-color-info";

    // Icons at the start of a button, as MudButton's StartIcon draws them.
    public static readonly MarkupString ReplyIcon = StartIcon(Icons.Material.Outlined.Reply);
    public static readonly MarkupString FeedbackIcon = StartIcon(Icons.Material.Outlined.RateReview);
    public static readonly MarkupString ResolveIcon = StartIcon(Icons.Material.Outlined.TaskAlt);
    public static readonly MarkupString ReopenIcon = StartIcon(Icons.Material.Outlined.Undo);
    public static readonly MarkupString AttachIcon = StartIcon(Icons.Material.Outlined.AddLink);
    public static readonly MarkupString StarIcon = StartIcon(Icons.Material.Filled.Star);
    public static readonly MarkupString StarBorderIcon = StartIcon(Icons.Material.Outlined.StarBorder);
    public static readonly MarkupString UpvoteIcon = StartIcon(Icons.Material.Outlined.ThumbUp);
    public static readonly MarkupString UpvotedIcon = StartIcon(Icons.Material.Filled.ThumbUp);
    public static readonly MarkupString SameQuestionIcon = StartIcon(Icons.Material.Outlined.HelpOutline);
    public static readonly MarkupString SameQuestionGivenIcon = StartIcon(Icons.Material.Filled.Help);
    public static readonly MarkupString AnsweredIcon = StartIcon(Icons.Material.Outlined.CheckCircle);
    // The reading page's own toolbar buttons (drawn the same way, for the same reason: every open page holds them).
    public static readonly MarkupString HeatIcon = StartIcon(Icons.Material.Outlined.Thermostat);
    public static readonly MarkupString PaletteIcon = StartIcon(Icons.Material.Outlined.Palette);
    public static readonly MarkupString KeyboardIcon = StartIcon(Icons.Material.Outlined.Keyboard);
    public static readonly MarkupString FilterIcon = StartIcon(Icons.Material.Outlined.FilterList);
    public static readonly MarkupString CollapseIcon = StartIcon(Icons.Material.Outlined.ExpandLess);

    // Icons of the notes above a thread.
    public static readonly MarkupString EditedIcon = Svg(Icons.Material.Outlined.EditNote, "mud-icon-size-small");
    public static readonly MarkupString OrphanIcon = Svg(Icons.Material.Outlined.LinkOff, "mud-icon-size-small");
    public static readonly MarkupString ResolvedIcon = Svg(Icons.Material.Outlined.TaskAlt, "mud-success-text mud-icon-size-small");

    // Icons in chips.
    public static readonly MarkupString FeedbackChipIcon = ChipIcon(Icons.Material.Outlined.RateReview);
    public static readonly MarkupString ExemplaryChipIcon = ChipIcon(Icons.Material.Filled.Star);
    public static readonly MarkupString QuestionChipIcon = ChipIcon(Icons.Material.Outlined.HelpOutline);
    public static readonly MarkupString AnsweredChipIcon = ChipIcon(Icons.Material.Outlined.CheckCircle);
    private static readonly MarkupString PrivateIcon = ChipIcon(VisibilityIconPath(Shared.Visibility.Private));
    private static readonly MarkupString TeachersIcon = ChipIcon(VisibilityIconPath(Shared.Visibility.Teachers));
    private static readonly MarkupString GroupIcon = ChipIcon(VisibilityIconPath(Shared.Visibility.Group));
    private static readonly MarkupString SeminarIcon = ChipIcon(VisibilityIconPath(Shared.Visibility.Seminar));

    /// <summary>The icon of a visibility as MudBlazor names it, for components that take an icon (search results).</summary>
    public static string VisibilityIconPath(Shared.Visibility visibility) => visibility switch
    {
        Shared.Visibility.Private => Icons.Material.Outlined.Lock,
        Shared.Visibility.Teachers => Icons.Material.Outlined.School,
        Shared.Visibility.Group => Icons.Material.Outlined.Groups,
        _ => Icons.Material.Outlined.Public,
    };

    public static MarkupString VisibilityIcon(Shared.Visibility visibility) => visibility switch
    {
        Shared.Visibility.Private => PrivateIcon,
        Shared.Visibility.Teachers => TeachersIcon,
        Shared.Visibility.Group => GroupIcon,
        _ => SeminarIcon,
    };

    private static MarkupString StartIcon(string icon) =>
        new($"<span class=\"mud-button-icon-start mud-button-icon-size-small\">{Svg(icon, "mud-icon-size-small")}</span>");

    private static MarkupString ChipIcon(string icon) => Svg(icon, "mud-icon-size-small mud-chip-icon");

    /// <summary>MudBlazor's icons are the inside of an SVG (paths), constants of the library, never text from a reader.</summary>
    private static MarkupString Svg(string icon, string classes) =>
        new($"<svg class=\"mud-icon-root mud-svg-icon {classes}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{icon}</svg>");
}
