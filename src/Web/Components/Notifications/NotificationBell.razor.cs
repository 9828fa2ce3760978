using Annotate.Shared.Notifications;
using Annotate.Shared.Text;
using Annotate.Web.Features.Notifications;
using Annotate.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Annotate.Web.Components.Notifications;

public sealed partial class NotificationBell
{
    /// <summary>Items shown when the bell is opened; the rest are a scroll of the API away (and in the digest).</summary>
    internal const int Shown = 20;

    [Parameter, EditorRequired] public string UserId { get; set; } = "";

    [Inject] private NotificationService Notifications { get; set; } = default!;
    [Inject] private IAnnotationFeed Feed { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private int unread;
    private bool open;
    private List<NotificationItem>? items;
    private DateTimeOffset now;
    private IDisposable? subscription;

    private string CountText => unread > NotificationService.CountLimit ? $"{NotificationService.CountLimit}+" : unread.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string Label => unread switch
    {
        0 => L["Notifications.NoneUnread"],
        1 => L["Notifications.OneUnread"],
        _ => L["Notifications.Unread", CountText],
    };

    protected override async Task OnInitializedAsync()
    {
        now = Clock.GetUtcNow();
        unread = await Notifications.CountUnreadAsync(UserId);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // Only a live circuit listens; a prerender would subscribe and never let go.
        if (firstRender && RendererInfo.IsInteractive)
            subscription = Feed.SubscribeAll(OnFeedEvent);
    }

    // On this bell's own queue of the feed, never in a writer's request: a new notification, or some read in another tab.
    private Task OnFeedEvent(FeedEvent feedEvent) => feedEvent switch
    {
        NotificationEvent notification when notification.UserId == UserId => InvokeAsync(RefreshAsync),
        FellBehindEvent => InvokeAsync(RefreshAsync),
        _ => Task.CompletedTask,
    };

    private async Task RefreshAsync()
    {
        now = Clock.GetUtcNow();
        unread = await Notifications.CountUnreadAsync(UserId);
        if (open) items = await Notifications.ListAsync(UserId, limit: Shown);
        StateHasChanged();
    }

    private async Task ToggleAsync()
    {
        open = !open;
        if (open)
        {
            items = null;
            await RefreshAsync();
        }
    }

    private void Close() => open = false;

    private void OverlayChanged(bool visible)
    {
        if (!visible) open = false;
    }

    private void OnKeyDown(KeyboardEventArgs e)
    {
        if (e.Key == "Escape") open = false;
    }

    private async Task OpenAsync(NotificationItem item)
    {
        open = false;
        if (!item.Read) await Notifications.MarkReadAsync(UserId, [item.Id]);
        Navigation.NavigateTo(item.Href!);
    }

    private async Task MarkReadAsync(NotificationItem item)
    {
        await Notifications.MarkReadAsync(UserId, [item.Id]);
        await RefreshAsync();
    }

    private async Task MarkAllReadAsync()
    {
        await Notifications.MarkAllReadAsync(UserId);
        await RefreshAsync();
    }

    /// <summary>A line of what it says: the comment's words, or an announcement's, else the passage.</summary>
    private static string? Excerpt(NotificationItem item)
    {
        var words = item.Annotation is { } annotation ? MarkdownText.ToPlain(annotation.Body) : item.Text ?? item.Passage;
        if (string.IsNullOrWhiteSpace(words)) return null;
        return words.Length > 140 ? words[..140].TrimEnd() + "…" : words;
    }

    public void Dispose() => subscription?.Dispose();
}
