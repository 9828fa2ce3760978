using System.Diagnostics;
using System.Text;
using Microsoft.Playwright;

namespace Annotate.Bench.Reading;

/// <summary>
/// Counts the bytes of the messages on a page's WebSockets (the Blazor circuit): payloads as the page sees
/// them, i.e. after the socket's own compression is undone.
/// </summary>
internal sealed class CircuitBytes
{
    private long received;
    private long sent;
    private long frames;
    private readonly Stopwatch sinceLast = Stopwatch.StartNew();

    public CircuitBytes(IPage page)
    {
        page.WebSocket += (_, socket) =>
        {
            socket.FrameReceived += (_, frame) =>
            {
                Count(ref received, frame);
                Save(frame);
            };
            socket.FrameSent += (_, frame) => Count(ref sent, frame);
        };
    }

    public long Received => Interlocked.Read(ref received);

    public long Sent => Interlocked.Read(ref sent);

    public long Frames => Interlocked.Read(ref frames);

    /// <summary>Where each message received from now on is kept, one file each in order (null: none are kept).</summary>
    public string? SaveTo { get; set; }

    private int saved;

    public void Reset()
    {
        Interlocked.Exchange(ref received, 0);
        Interlocked.Exchange(ref sent, 0);
        Interlocked.Exchange(ref frames, 0);
    }

    /// <summary>Waits until the circuit is up and its first render has come (then a quiet second).</summary>
    public async Task InteractiveAsync()
    {
        var limit = Stopwatch.StartNew();
        while (Received < 1000 && limit.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(50);
        if (Received < 1000) throw new TimeoutException($"The page's circuit never started ({Frames} frames, {Received} bytes).");
        await SettleAsync(TimeSpan.FromSeconds(1));
    }

    /// <summary>Waits until nothing has come or gone for <paramref name="quiet"/> (at most 15 s).</summary>
    public async Task SettleAsync(TimeSpan quiet)
    {
        var limit = Stopwatch.StartNew();
        while (limit.Elapsed < TimeSpan.FromSeconds(15))
        {
            lock (sinceLast)
                if (sinceLast.Elapsed >= quiet) return;
            await Task.Delay(50);
        }
    }

    /// <summary>Keeps a received message (to see what a live event sends: the render batch's strings are readable).</summary>
    private void Save(IWebSocketFrame frame)
    {
        if (SaveTo is not { } folder) return;
        var name = Path.Combine(folder, $"{Interlocked.Increment(ref saved):0000}.bin");
        File.WriteAllBytes(name, frame.Binary ?? Encoding.UTF8.GetBytes(frame.Text ?? ""));
    }

    private static readonly bool Debug = Environment.GetEnvironmentVariable("BENCH_DEBUG") == "1";

    private void Count(ref long total, IWebSocketFrame frame)
    {
        var bytes = frame.Binary?.Length ?? Encoding.UTF8.GetByteCount(frame.Text ?? "");
        // The server keeps buffers the size of the largest message it wrote: BENCH_DEBUG=1 shows the large ones.
        if (Debug && bytes > 16 * 1024) Console.Error.WriteLine($"    [frame] {bytes / 1024.0:0.0} KB");
        Interlocked.Add(ref total, bytes);
        Interlocked.Increment(ref frames);
        lock (sinceLast) sinceLast.Restart();
    }
}
