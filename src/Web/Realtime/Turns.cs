namespace Annotate.Web.Realtime;

/// <summary>
/// Runs an action for each of many items, letting other queued work have its turn every so many items. The
/// hub relay fans out this way: each write it makes queues a socket send, and work queued meanwhile (the
/// writer's own answer) would otherwise wait behind the sends to every reader, so the writer's time would grow
/// with the readers.
/// </summary>
internal static class Turns
{
    public static async Task ForEachAsync<T>(IReadOnlyList<T> items, int between, Action<T> action)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0 && i % between == 0) await Task.Yield();
            action(items[i]);
        }
    }
}
