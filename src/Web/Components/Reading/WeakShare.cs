namespace Annotate.Web.Components.Reading;

/// <summary>
/// One instance of equal immutable values for the whole process, held weakly: a value is handed out again for as
/// long as some page still holds it, and forgotten with the last one. Thread-safe (circuits load at once).
/// <paramref name="same"/> tells equal values; <paramref name="keep"/>, whether a held value stays held rather than
/// a different one offered now (a newer version stays when an older one comes); <paramref name="compact"/>, an equal
/// value that costs less to hold, made once, when a value is first held.
/// </summary>
internal sealed class WeakShare<TKey, TValue>(Func<TValue, TValue, bool> same, Func<TValue, TValue, bool>? keep = null, Func<TValue, TValue>? compact = null)
    where TKey : notnull
    where TValue : class
{
    private readonly Dictionary<TKey, WeakReference<TValue>> held = [];
    /// <summary>Entries at the last sweep of dead ones; the next sweep comes when there are twice as many.</summary>
    private int swept = 64;

    /// <summary>
    /// The instance held under <paramref name="key"/> when it is the same as <paramref name="value"/>; else
    /// <paramref name="value"/> (compacted), held from now on; or, when the held one is kept, <paramref name="value"/> as it is.
    /// </summary>
    public TValue Share(TKey key, TValue value)
    {
        lock (held)
        {
            if (held.TryGetValue(key, out var weak))
            {
                if (weak.TryGetTarget(out var existing))
                {
                    if (ReferenceEquals(existing, value) || same(existing, value)) return existing;
                    if (keep?.Invoke(existing, value) == true) return value;
                }
                value = compact?.Invoke(value) ?? value;
                weak.SetTarget(value);
                return value;
            }
            if (held.Count >= 2 * swept) Sweep();
            value = compact?.Invoke(value) ?? value;
            held[key] = new WeakReference<TValue>(value);
            return value;
        }
    }

    /// <summary>How many values are held now (tests).</summary>
    public int Count
    {
        get
        {
            lock (held) return held.Count;
        }
    }

    private void Sweep()
    {
        foreach (var (key, weak) in held)
            if (!weak.TryGetTarget(out _)) held.Remove(key);
        swept = Math.Max(64, held.Count);
    }
}
