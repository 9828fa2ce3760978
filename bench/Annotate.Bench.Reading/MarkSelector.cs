using System.Buffers.Binary;

namespace Annotate.Bench.Reading;

/// <summary>
/// Finds a thread's highlight in the article, whichever way the app at hand names threads in its marks, so that
/// an older build can be measured beside this one: data-t with 5 letters and digits from the id's last 48 bits
/// (the whole 32 hex digits for the rare key two threads share; issue 12's first-render cut), data-threads with
/// the last 8 hex digits, or the whole id before that.
/// </summary>
internal static class MarkSelector
{
    private const string Digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>A CSS selector matching any mark of the article that names <paramref name="thread"/>.</summary>
    public static string Of(Guid thread) => string.Join(", ",
        $"article mark[data-t~=\"{ShortKey(thread)}\"]",
        $"article mark[data-t~=\"{thread:N}\"]",
        $"article mark[data-threads~=\"{thread.ToString("N")[24..]}\"]",
        $"article mark[data-threads~=\"{thread}\"]");

    private static string ShortKey(Guid thread)
    {
        Span<byte> bytes = stackalloc byte[16];
        thread.TryWriteBytes(bytes, bigEndian: true, out _);
        var bits = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]) & 0xFFFF_FFFF_FFFF;
        var key = new char[5];
        for (var i = key.Length - 1; i >= 0; i--, bits /= (ulong)Digits.Length) key[i] = Digits[(int)(bits % (ulong)Digits.Length)];
        return new string(key);
    }
}
