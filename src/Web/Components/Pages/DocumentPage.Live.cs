using System.Globalization;
using Annotate.Shared;
using Annotate.Web.Components.Reading;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Realtime;
using MudBlazor;

namespace Annotate.Web.Components.Pages;

/// <summary>
/// The reading page kept live: events from the feed applied for this reader, what changes their access or the text
/// reloaded, presence, bursts drawn at most once a tick, and every piece of work started from outside the renderer run
/// through one dispatcher that reports what it throws.
/// </summary>
public partial class DocumentPage
{
    private RedrawThrottle? throttle;
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Runs on this page's own queue of the feed, never in the writer's request: waiting here for the page
    /// holds up only this page's later events, in order, and a page that falls too far behind is handed a
    /// <see cref="FellBehindEvent"/> in place of what it missed.
    /// </summary>
    private Task OnFeedEvent(FeedEvent feedEvent) => DispatchAsync(async () =>
    {
        // One of the previous document's, still on its way when the page moved to another.
        if (feedEvent.DocumentId != subscribedTo) return;
        if (discussion.IsLoading) discussion.Receive(feedEvent, access?.Viewer ?? Viewer.Anonymous);
        else await HandleAsync(feedEvent);
    });

    private async Task HandleAsync(FeedEvent feedEvent)
    {
        if (access is null) return;
        switch (discussion.Receive(feedEvent, access.Viewer))
        {
            case FeedReaction.DrawSoon:
                Announce(feedEvent);
                RedrawSoon();
                return;
            case FeedReaction.ReloadText:
                await ReloadAfterRevisionAsync();
                break;
            case FeedReaction.ReloadAccess:
                await ReloadAccessAsync();
                break;
            case FeedReaction.Reload:
                await ReloadAfterFallingBehindAsync();
                break;
            case FeedReaction.ReloadTags:
                await LoadVocabularyAsync();
                break;
            case FeedReaction.Draw:
                break;
            default:
                return;
        }
        StateHasChanged();
    }

    /// <summary>
    /// Someone was removed, moved to another group or made teacher: this reader may now see more or
    /// less (or nothing), so the page asks again rather than trust what it loaded.
    /// </summary>
    private async Task ReloadAccessAsync()
    {
        access = await Access.ForDocumentAsync(userId, Id);
        if (access is null)
        {
            notFound = true;
            // No longer a reader here (removed, the account or the seminar deleted): others stop seeing them present.
            presence?.Dispose();
            Presence.Changed -= OnPresenceChanged;
            readers = [];
            composing = null;
            selection = null;
            discussion.Clear();
            AfterChange();
            return;
        }
        visibilityOptions = VisibilityOptionsFor(access.Viewer);
        await LoadDiscussionAsync(await Documents.GetAsync(Id) ?? document!);
        await LoadStudentsAsync();
        AfterChange();
    }

    /// <summary>
    /// Events were dropped while this page lagged (a busy circuit): it loads what the reader may see again
    /// rather than show a discussion with a gap, and takes a text changed meanwhile as a revision.
    /// </summary>
    private async Task ReloadAfterFallingBehindAsync()
    {
        var revision = document?.Revision;
        await ReloadAccessAsync();
        if (access is not null && document is not null && document.Revision != revision) await ReloadAfterRevisionAsync();
    }

    /// <summary>A teacher changed the text: show the new one with the threads where they now are.</summary>
    private async Task ReloadAfterRevisionAsync()
    {
        if (access is null) return;
        if (await Documents.GetAsync(Id) is not { } revised)
        {
            document = null;
            return;
        }
        await LoadDiscussionAsync(revised);
        selection = null;
        if (composing is not null)
        {
            // The selected offsets belonged to the old text; the typed comment stays in the draft.
            composing = null;
            Snackbar.Add(L["Reading.TextUpdated"], Severity.Info);
        }
        AfterChange();
    }

    private void OnPresenceChanged(int documentId)
    {
        if (documentId != Id) return;
        Dispatch(() =>
        {
            readers = Presence.ReadersOf(Id);
            StateHasChanged();
        });
    }

    /// <summary>
    /// Bursts of events (many members posting at once, a page catching up) are drawn at most once a tenth of a
    /// second (see <see cref="RedrawThrottle"/>); a lone event, the usual case, at once. An import is one event.
    /// </summary>
    private void RedrawSoon()
    {
        throttle ??= new RedrawThrottle(Clock, RedrawInterval);
        switch (throttle.Request(out var wait))
        {
            case Redraw.Now:
                Draw();
                break;
            case Redraw.Later:
                Dispatch(async () =>
                {
                    await Task.Delay(wait);
                    Draw();
                });
                break;
        }

        void Draw()
        {
            throttle.Drawn();
            AfterChange();
            StateHasChanged();
        }
    }

    /// <summary>Runs <paramref name="work"/> on the circuit without waiting for it; what it throws is reported to the circuit, not lost.</summary>
    private void Dispatch(Func<Task> work) => _ = DispatchAsync(work);

    private void Dispatch(Action work) => _ = DispatchAsync(() =>
    {
        work();
        return Task.CompletedTask;
    });

    /// <summary>
    /// The reader's language, as the circuit had it when the page was made. Work dispatched from elsewhere (another
    /// reader's circuit telling who is reading now, a feed's task) carries the culture of whoever started it: a page
    /// drawn in it would speak the other reader's language.
    /// </summary>
    private readonly (CultureInfo Culture, CultureInfo UiCulture) language = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    private async Task DispatchAsync(Func<Task> work)
    {
        try
        {
            await InvokeAsync(() =>
            {
                // Set for this work item only: the dispatcher runs it in the flow of whoever dispatched it.
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = language;
                return work();
            });
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
    }
}
