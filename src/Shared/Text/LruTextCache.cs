namespace Annotate.Shared.Text;

/// <summary>
/// Strings kept by a string key, bounded by the memory they take (key and value, two bytes a character,
/// plus the bookkeeping) rather than by their number, so that a few thousand long comments cannot hold
/// hundreds of megabytes. The least recently used go first. Thread-safe.
/// </summary>
internal sealed class LruTextCache(long budgetBytes)
{
    /// <summary>What one entry costs besides its characters: the two string headers, the list node, the dictionary slot.</summary>
    internal const int EntryOverhead = 128;

    private readonly Dictionary<string, LinkedListNode<Entry>> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> recent = new();
    private readonly Lock gate = new();
    private long bytes;

    private sealed record Entry(string Key, string Value, long Size);

    public long BudgetBytes => budgetBytes;

    /// <summary>What the kept entries take now; never more than <see cref="BudgetBytes"/>.</summary>
    public long Bytes
    {
        get
        {
            lock (gate) return bytes;
        }
    }

    public int Count
    {
        get
        {
            lock (gate) return entries.Count;
        }
    }

    public bool TryGet(string key, out string value)
    {
        lock (gate)
        {
            if (entries.TryGetValue(key, out var node))
            {
                recent.Remove(node);
                recent.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }
        value = "";
        return false;
    }

    /// <summary>Keeps the value, making room by dropping the least recently used; one larger than the whole budget is not kept.</summary>
    public void Set(string key, string value)
    {
        var size = SizeOf(key, value);
        if (size > budgetBytes) return;
        lock (gate)
        {
            if (entries.Remove(key, out var old)) Drop(old);
            entries[key] = recent.AddFirst(new Entry(key, value, size));
            bytes += size;
            while (bytes > budgetBytes && recent.Last is { } oldest)
            {
                entries.Remove(oldest.Value.Key);
                Drop(oldest);
            }
        }
    }

    internal static long SizeOf(string key, string value) => 2L * (key.Length + value.Length) + EntryOverhead;

    private void Drop(LinkedListNode<Entry> node)
    {
        recent.Remove(node);
        bytes -= node.Value.Size;
    }
}
