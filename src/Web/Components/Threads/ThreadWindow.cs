namespace Annotate.Web.Components.Threads;

/// <summary>
/// Which threads of a long list are drawn: those in view and a few either side, with the rest stood in for by
/// space of their estimated height, so the list scrolls as if all were there. The browser says where its view
/// is (<see cref="Viewport"/>); a thread to show is brought into the window (<see cref="Show"/>).
/// </summary>
internal sealed class ThreadWindow
{
    /// <summary>
    /// Threads drawn before the browser has said anything (the server render and a circuit's first): a screen (eight
    /// cards of about 190 px). The browser's first word draws the rest of the window; fewer cards in the first render
    /// keep its batch small, and the server keeps buffers the size of the largest batch (issue 12, memory per page).
    /// </summary>
    public const int InitialSize = 8;

    /// <summary>Threads drawn beyond each edge of the view, so a short scroll or Tab finds them there.</summary>
    public const int Overscan = 6;

    /// <summary>Until measured: a short comment's card with its buttons, in pixels.</summary>
    public const double EstimatedHeight = 190;

    private int first;
    private int size = InitialSize;

    public double ItemHeight { get; private set; } = EstimatedHeight;

    /// <summary>The threads to draw of <paramref name="count"/>: from <c>First</c> up to, not including, <c>End</c>.</summary>
    public (int First, int End) Range(int count)
    {
        var start = Math.Clamp(first, 0, Math.Max(0, count - size));
        return (start, Math.Min(count, start + size));
    }

    /// <summary>Height standing in for the threads before the window.</summary>
    public double SpaceBefore(int count) => Range(count).First * ItemHeight;

    /// <summary>Height standing in for the threads after the window.</summary>
    public double SpaceAfter(int count) => (count - Range(count).End) * ItemHeight;

    /// <summary>
    /// The browser's view starts at thread <paramref name="firstVisible"/> and holds about <paramref name="visible"/>
    /// threads of <paramref name="itemHeight"/> pixels. Answers whether the window moved (and so must be drawn):
    /// it moves only when the view nears its edge, not on every scroll.
    /// </summary>
    public bool Viewport(int firstVisible, int visible, double itemHeight, int count)
    {
        if (itemHeight is > 20 and < 5000) ItemHeight = itemHeight;
        visible = Math.Clamp(visible, 1, 200);
        var (start, end) = Range(count);
        var wanted = visible + 2 * Overscan;
        var inside = firstVisible >= start + Math.Min(Overscan / 2, start) && firstVisible + visible <= end - Math.Min(Overscan / 2, count - end);
        if (inside && size >= wanted) return false;
        first = Math.Max(0, firstVisible - Overscan);
        size = Math.Max(size, wanted);
        return Range(count) != (start, end);
    }

    /// <summary>Brings thread <paramref name="index"/> into the window (about the middle of it); answers whether the window moved.</summary>
    public bool Show(int index, int count)
    {
        var (start, end) = Range(count);
        if (index >= start && index < end) return false;
        first = Math.Max(0, index - size / 2);
        return true;
    }
}
