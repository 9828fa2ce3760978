using System.Collections.Concurrent;
using Annotate.Shared;

namespace Annotate.Web.Realtime;

/// <summary>
/// Which hub connection reads which document, as whom. The relay asks the visibility rule with the
/// <see cref="Viewer"/> kept here for every event it forwards.
/// </summary>
internal sealed class HubReaders
{
    public sealed record Reader(string ConnectionId, int DocumentId, Viewer Viewer, string Origin);

    private readonly ConcurrentDictionary<(string ConnectionId, int DocumentId), Reader> readers = new();

    public void Add(Reader reader) => readers[(reader.ConnectionId, reader.DocumentId)] = reader;

    public void Remove(string connectionId, int documentId) => readers.TryRemove((connectionId, documentId), out _);

    public void RemoveConnection(string connectionId)
    {
        foreach (var key in readers.Keys.Where(k => k.ConnectionId == connectionId)) readers.TryRemove(key, out _);
    }

    public IEnumerable<Reader> Of(int documentId) => readers.Values.Where(r => r.DocumentId == documentId);
}
