using System.Collections.Concurrent;

namespace Annotate.Web.Realtime;

/// <summary>
/// Who has a document open right now. Each open reading page registers itself and gets a handle that
/// removes it again; a person with two tabs counts once.
/// </summary>
internal sealed class ReadingPresence
{
    public sealed record Reader(string UserId, string DisplayName);

    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Guid, Reader>> documents = new();

    /// <summary>Raised with the document id whenever someone arrives or leaves.</summary>
    public event Action<int>? Changed;

    public IDisposable Enter(int documentId, string userId, string displayName)
    {
        var key = Guid.NewGuid();
        documents.GetOrAdd(documentId, _ => new())[key] = new Reader(userId, displayName);
        Changed?.Invoke(documentId);
        return new Leaving(() =>
        {
            if (documents.TryGetValue(documentId, out var readers) && readers.TryRemove(key, out _))
                Changed?.Invoke(documentId);
        });
    }

    public IReadOnlyList<Reader> ReadersOf(int documentId) =>
        documents.TryGetValue(documentId, out var readers)
            ? readers.Values.DistinctBy(r => r.UserId).OrderBy(r => r.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList()
            : [];

    private sealed class Leaving(Action leave) : IDisposable
    {
        private int left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref left, 1) == 0) leave();
        }
    }
}
