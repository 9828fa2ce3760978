using System.Collections.Concurrent;

namespace Annotate.Web.Realtime;

/// <summary>
/// Who has a document open right now. Each open reading page of this instance registers itself and gets a
/// handle that removes it again; a person with two tabs counts once. With several instances, the readers of
/// the others come in through <see cref="SetElsewhere"/> (see Redis/RedisPresence) and count as well; alone,
/// there are none. Only a page allowed to read the document asks who reads it.
/// </summary>
internal sealed class ReadingPresence
{
    public sealed record Reader(string UserId, string DisplayName);

    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Guid, Reader>> documents = new();
    private readonly ConcurrentDictionary<int, IReadOnlyList<Reader>> elsewhere = new();

    /// <summary>Raised with the document id whenever its readers change, here or elsewhere (pages redraw).</summary>
    public event Action<int>? Changed;

    /// <summary>Raised with the document id whenever its readers on this instance change (the other instances are told).</summary>
    public event Action<int>? ChangedHere;

    public IDisposable Enter(int documentId, string userId, string displayName)
    {
        var key = Guid.NewGuid();
        documents.GetOrAdd(documentId, _ => new())[key] = new Reader(userId, displayName);
        Raise(documentId);
        return new Leaving(() =>
        {
            if (documents.TryGetValue(documentId, out var readers) && readers.TryRemove(key, out _))
                Raise(documentId);
        });
    }

    /// <summary>Everyone reading the document, on this instance and the others, each once, by name.</summary>
    public IReadOnlyList<Reader> ReadersOf(int documentId) =>
        ReadersHere(documentId).Concat(elsewhere.TryGetValue(documentId, out var others) ? others : [])
            .DistinctBy(r => r.UserId).OrderBy(r => r.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();

    /// <summary>The readers of the document on this instance, each once.</summary>
    public IReadOnlyList<Reader> ReadersHere(int documentId) =>
        documents.TryGetValue(documentId, out var readers) ? readers.Values.DistinctBy(r => r.UserId).ToList() : [];

    /// <summary>The documents someone reads on this instance.</summary>
    public IReadOnlyList<int> DocumentsReadHere() => documents.Where(d => !d.Value.IsEmpty).Select(d => d.Key).ToList();

    public bool IsReadHere(int documentId) => documents.TryGetValue(documentId, out var readers) && !readers.IsEmpty;

    /// <summary>The readers of the document on the other instances (none: an empty list); pages redraw when it differs.</summary>
    public void SetElsewhere(int documentId, IReadOnlyList<Reader> readers)
    {
        var before = elsewhere.TryGetValue(documentId, out var known) ? known : [];
        if (readers.Count == 0) elsewhere.TryRemove(documentId, out _);
        else elsewhere[documentId] = readers;
        if (!before.ToHashSet().SetEquals(readers)) Changed?.Invoke(documentId);
    }

    private void Raise(int documentId)
    {
        ChangedHere?.Invoke(documentId);
        Changed?.Invoke(documentId);
    }

    private sealed class Leaving(Action leave) : IDisposable
    {
        private int left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref left, 1) == 0) leave();
        }
    }
}
