using Annotate.Shared.Text;

namespace Annotate.Shared.Tests.Text;

/// <summary>The rendered-Markdown cache is bounded by the memory it holds, dropping the least recently used first.</summary>
public class LruTextCacheTests
{
    private static readonly long Entry = LruTextCache.SizeOf("key-00", new string('x', 1000));

    [Fact]
    public void Inserting_more_than_the_budget_keeps_the_total_within_it()
    {
        var cache = new LruTextCache(budgetBytes: 10 * Entry);

        for (var i = 0; i < 100; i++) cache.Set($"key-{i:00}", new string('x', 1000));

        Assert.InRange(cache.Bytes, 0, cache.BudgetBytes);
        Assert.Equal(10, cache.Count);
        Assert.Equal(10 * Entry, cache.Bytes);
    }

    [Fact]
    public void The_least_recently_used_go_first()
    {
        var cache = new LruTextCache(budgetBytes: 3 * Entry);
        cache.Set("key-01", new string('1', 1000));
        cache.Set("key-02", new string('2', 1000));
        cache.Set("key-03", new string('3', 1000));

        Assert.True(cache.TryGet("key-01", out _));
        cache.Set("key-04", new string('4', 1000));

        Assert.True(cache.TryGet("key-01", out var kept));
        Assert.Equal('1', kept[0]);
        Assert.False(cache.TryGet("key-02", out _));
        Assert.True(cache.TryGet("key-03", out _));
        Assert.True(cache.TryGet("key-04", out _));
    }

    [Fact]
    public void A_value_larger_than_the_whole_budget_is_not_kept_and_drops_nothing()
    {
        var cache = new LruTextCache(budgetBytes: 3 * Entry);
        cache.Set("key-01", new string('1', 1000));

        cache.Set("key-02", new string('2', 10_000));

        Assert.False(cache.TryGet("key-02", out _));
        Assert.True(cache.TryGet("key-01", out _));
    }

    [Fact]
    public void Setting_a_key_again_replaces_it_without_counting_it_twice()
    {
        var cache = new LruTextCache(budgetBytes: 10 * Entry);

        cache.Set("key-01", new string('1', 1000));
        cache.Set("key-01", new string('2', 1000));

        Assert.Equal(Entry, cache.Bytes);
        Assert.True(cache.TryGet("key-01", out var value));
        Assert.Equal('2', value[0]);
    }

    [Fact]
    public void The_renderer_holds_no_more_than_its_budget_after_many_long_comments()
    {
        // 600 comments of 20,000 characters: about 48 MB of source and HTML, three times the budget.
        for (var i = 0; i < 600; i++)
            MarkdownRenderer.ToSafeHtml($"Comment {i}: " + new string('a', 20_000));

        Assert.InRange(MarkdownRenderer.Rendered.Bytes, 1, MarkdownRenderer.CacheBudgetBytes);
        Assert.Equal(MarkdownRenderer.CacheBudgetBytes, MarkdownRenderer.Rendered.BudgetBytes);
    }
}
