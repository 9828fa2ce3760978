namespace Annotate.Web.Components.Reading;

/// <summary>
/// Bursts of events (many members posting at once, a page catching up) are each taken in as they come, but the
/// page is drawn at most once an interval (drawing hundreds of threads hundreds of times took minutes). A lone
/// event, the usual case, is drawn at once: live updates wait for nothing. (An import is one event.)
/// </summary>
internal sealed class RedrawThrottle(TimeProvider clock, TimeSpan interval)
{
    private bool queued;
    private DateTimeOffset lastDrawn = DateTimeOffset.MinValue;

    /// <summary>
    /// Asks for a draw. <see cref="Redraw.Now"/>: draw, then call <see cref="Drawn"/>. <see cref="Redraw.Later"/>:
    /// wait <paramref name="wait"/>, then draw and call <see cref="Drawn"/>. <see cref="Redraw.Queued"/>: a draw
    /// already waiting will show this change too.
    /// </summary>
    public Redraw Request(out TimeSpan wait)
    {
        wait = TimeSpan.Zero;
        if (queued) return Redraw.Queued;
        var since = clock.GetUtcNow() - lastDrawn;
        if (since >= interval) return Redraw.Now;
        queued = true;
        wait = interval - since;
        return Redraw.Later;
    }

    public void Drawn()
    {
        queued = false;
        lastDrawn = clock.GetUtcNow();
    }
}
