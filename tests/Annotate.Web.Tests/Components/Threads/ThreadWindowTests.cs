using Annotate.Web.Components.Threads;

namespace Annotate.Web.Tests.Components.Threads;

public sealed class ThreadWindowTests
{
    [Fact]
    public void Before_the_browser_says_anything_the_first_threads_are_drawn_and_the_rest_stood_in_for()
    {
        var window = new ThreadWindow();

        Assert.Equal((0, ThreadWindow.InitialSize), window.Range(2000));
        Assert.Equal(0, window.SpaceBefore(2000));
        Assert.Equal((2000 - ThreadWindow.InitialSize) * ThreadWindow.EstimatedHeight, window.SpaceAfter(2000));
        Assert.Equal((0, 5), window.Range(5));
    }

    [Fact]
    public void Scrolling_far_moves_the_window_to_the_view_with_some_either_side()
    {
        var window = new ThreadWindow();

        Assert.True(window.Viewport(firstVisible: 500, visible: 5, itemHeight: 150, count: 2000));

        var (first, end) = window.Range(2000);
        Assert.Equal(500 - ThreadWindow.Overscan, first);
        Assert.True(end >= 505 + ThreadWindow.Overscan);
        Assert.Equal(first * 150, window.SpaceBefore(2000));
    }

    [Fact]
    public void Scrolling_within_the_window_draws_nothing_new()
    {
        var window = new ThreadWindow();
        window.Viewport(500, 5, 150, 2000);

        Assert.False(window.Viewport(501, 5, 150, 2000));
    }

    [Fact]
    public void A_thread_asked_for_is_brought_into_the_window()
    {
        var window = new ThreadWindow();

        Assert.False(window.Show(3, 2000));
        Assert.True(window.Show(1500, 2000));

        var (first, end) = window.Range(2000);
        Assert.InRange(1500, first, end - 1);
    }

    [Fact]
    public void A_shorter_list_keeps_the_window_inside_it()
    {
        var window = new ThreadWindow();
        window.Show(1900, 2000);

        // A search leaves 30 threads.
        Assert.Equal((30 - ThreadWindow.InitialSize, 30), window.Range(30));
    }
}
