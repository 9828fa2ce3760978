using Annotate.Shared;

namespace Annotate.Web.Realtime;

/// <summary>
/// Which hub connection reads which document, as whom. The relay asks the visibility rule with the
/// <see cref="Viewer"/> kept here for every event it forwards, and asks access again when it changes.
/// </summary>
internal sealed class HubReaders
{
    /// <summary>A connection reading a document; <see cref="Viewer"/> is null while its Join is still being decided.</summary>
    public sealed record Reader(string ConnectionId, int DocumentId, string UserId, string Origin, Viewer? Viewer = null);

    private readonly Lock gate = new();
    private readonly Dictionary<int, Dictionary<string, Reader>> documents = [];
    private readonly Dictionary<string, HashSet<int>> connections = [];

    /// <summary>
    /// Lets a connection in on a document if <paramref name="ask"/> says its user may read it. A removal can
    /// commit while the question is being answered, and the relay can handle it (<see cref="RefreshAsync"/>)
    /// before the answer is used; so the connection is entered first, not yet let in (it receives nothing),
    /// and only then asked about. Every refresh from then on finds it, and the refresh's answer, asked after
    /// its change committed, always wins: Join lets the connection in with its own answer only if no refresh
    /// touched it meanwhile, and a refresh that removed it makes Join fail. Whatever the order, a Join
    /// cannot outlive a removal. False: the user may not read the document (or no longer).
    /// </summary>
    public async Task<bool> JoinAsync(Reader joining, Func<Task<Viewer?>> ask)
    {
        joining = joining with { Viewer = null };
        lock (gate) Put(joining);
        var viewer = await ask();
        lock (gate)
        {
            // Removed meanwhile: by a refresh that found the user removed, a Leave, or the connection closing.
            if (!TryGet(joining.DocumentId, joining.ConnectionId, out var current)) return false;
            if (viewer is null)
            {
                RemoveLocked(joining.ConnectionId, joining.DocumentId);
                return false;
            }
            // A refresh answered meanwhile, asked after its change committed: its answer stands.
            if (ReferenceEquals(current, joining)) Put(joining with { Viewer = viewer });
            return true;
        }
    }

    /// <summary>
    /// Access to <paramref name="documentId"/> changed for <paramref name="userId"/> (null: for everyone):
    /// each of their connections keeps only what its user may see now, asked after the change committed.
    /// </summary>
    public async Task RefreshAsync(int documentId, string? userId, Func<string, Task<Viewer?>> ask)
    {
        var answers = new Dictionary<string, Viewer?>();
        foreach (var reader in Snapshot(documentId, r => userId is null || r.UserId == userId))
        {
            if (!answers.TryGetValue(reader.UserId, out var viewer)) answers[reader.UserId] = viewer = await ask(reader.UserId);
            lock (gate)
            {
                // Gone meanwhile (left, or disconnected): nothing to bring back.
                if (!TryGet(documentId, reader.ConnectionId, out var current)) continue;
                if (viewer is null) RemoveLocked(reader.ConnectionId, documentId);
                else Put(current with { Viewer = viewer });
            }
        }
    }

    public void Remove(string connectionId, int documentId)
    {
        lock (gate) RemoveLocked(connectionId, documentId);
    }

    public void RemoveConnection(string connectionId)
    {
        lock (gate)
        {
            if (!connections.Remove(connectionId, out var read)) return;
            foreach (var documentId in read) RemoveFromDocument(connectionId, documentId);
        }
    }

    /// <summary>The connections reading <paramref name="documentId"/> that have been let in.</summary>
    public IReadOnlyList<Reader> Of(int documentId) => Snapshot(documentId, r => r.Viewer is not null);

    private List<Reader> Snapshot(int documentId, Func<Reader, bool> which)
    {
        lock (gate) return documents.TryGetValue(documentId, out var readers) ? readers.Values.Where(which).ToList() : [];
    }

    private bool TryGet(int documentId, string connectionId, out Reader reader)
    {
        reader = default!;
        return documents.TryGetValue(documentId, out var readers) && readers.TryGetValue(connectionId, out reader!);
    }

    private void Put(Reader reader)
    {
        if (!documents.TryGetValue(reader.DocumentId, out var readers)) documents[reader.DocumentId] = readers = [];
        readers[reader.ConnectionId] = reader;
        if (!connections.TryGetValue(reader.ConnectionId, out var read)) connections[reader.ConnectionId] = read = [];
        read.Add(reader.DocumentId);
    }

    private void RemoveLocked(string connectionId, int documentId)
    {
        RemoveFromDocument(connectionId, documentId);
        if (connections.TryGetValue(connectionId, out var read) && read.Remove(documentId) && read.Count == 0) connections.Remove(connectionId);
    }

    private void RemoveFromDocument(string connectionId, int documentId)
    {
        if (documents.TryGetValue(documentId, out var readers) && readers.Remove(connectionId) && readers.Count == 0) documents.Remove(documentId);
    }
}
