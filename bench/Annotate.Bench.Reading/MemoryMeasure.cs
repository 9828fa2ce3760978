using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Annotate.Bench.Reading;

/// <summary>
/// Memory an open page costs the server: <see cref="Pages"/> circuits of the bare /not-found page, then as many
/// reading pages beside them, each set kept open; then as many again of each. The server's managed heap is read
/// after a full collection (dotnet-gcdump, the repository's local tool), and its resident set from /proc; the
/// per-page figure is the growth over each set divided by the number of pages.
/// </summary>
/// <remarks>
/// The first sets of a fresh process also pay for what the process keeps once for all pages: the buffer pools
/// sized by the largest render batch sent so far (the pools keep a buffer of each size per thread), caches, the
/// document's annotations that every page of it shares. The second sets are what one more open page costs once
/// that is paid.
/// </remarks>
internal sealed partial class MemoryMeasure(Browser browser, int pid, string repository)
{
    public const int DefaultPages = 20;

    public int Pages { get; init; } = DefaultPages;

    /// <summary>Per page: the first sets (a fresh process), and the further sets.</summary>
    public sealed record Result(Cost Bare, Cost Reading, Cost FurtherBare, Cost FurtherReading);

    public readonly record struct Cost(double Heap, double Resident);

    public async Task<Result> RunAsync(Account reader, int documentId)
    {
        var opened = new List<IPage>();
        var snapshots = new List<(double Heap, double Resident)> { await SnapshotAsync($"{documentId}-0-before") };
        foreach (var (set, reading) in new[] { ("1-bare", false), ("2-reading", true), ("3-more-bare", false), ("4-more-reading", true) })
        {
            for (var i = 0; i < Pages; i++) opened.Add(await OpenAsync(reader, reading ? documentId : null));
            snapshots.Add(await SnapshotAsync($"{documentId}-{set}"));
        }
        foreach (var page in opened) await Browser.CloseAsync(page);
        Cost Growth(int set) => new((snapshots[set].Heap - snapshots[set - 1].Heap) / Pages, (snapshots[set].Resident - snapshots[set - 1].Resident) / Pages);
        return new Result(Growth(1), Growth(2), Growth(3), Growth(4));
    }

    /// <summary>A live bare page, or a live reading page of <paramref name="documentId"/>.</summary>
    private async Task<IPage> OpenAsync(Account reader, int? documentId)
    {
        var page = await browser.OpenAsync(reader);
        if (documentId is { } id)
        {
            await Browser.OpenReadingPageAsync(page, id, reader.Name);
            return page;
        }
        var circuit = new CircuitBytes(page);
        await page.GotoAsync("/not-found");
        await circuit.InteractiveAsync();
        return page;
    }

    /// <summary>
    /// Live managed bytes after a full collection, and the resident set, of the server process. To see what the
    /// bytes are: BENCH_SAVE_GCDUMP=dir keeps each dump there (<paramref name="name"/>.gcdump), for
    /// <c>dotnet dotnet-gcdump report</c> or a diff of two; BENCH_HOLD=file, after each snapshot, writes that file
    /// and waits until it is deleted, so that a full dump of the process (createdump) can be taken with the pages open.
    /// </summary>
    private async Task<(double Heap, double Resident)> SnapshotAsync(string name)
    {
        // Let the pages' last renders and acknowledgements finish first.
        await Task.Delay(2000);
        var keep = Environment.GetEnvironmentVariable("BENCH_SAVE_GCDUMP") is { Length: > 0 } folder ? folder : null;
        var file = keep is null ? Path.Combine(Path.GetTempPath(), $"reading-bench-{Guid.NewGuid():N}.gcdump") : Path.Combine(keep, $"{name}.gcdump");
        try
        {
            await RunToolAsync("collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "-o", file);
            var report = await RunToolAsync("report", file);
            // The report's header line gives the total: "<bytes>  GC Heap bytes".
            var total = TotalHeap().Match(report);
            if (!total.Success) throw new InvalidOperationException($"dotnet-gcdump report had no total:\n{report}");
            var snapshot = (double.Parse(total.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture), Resident());
            if (Environment.GetEnvironmentVariable("BENCH_HOLD") is { Length: > 0 } hold)
            {
                await File.WriteAllTextAsync(hold, name);
                while (File.Exists(hold)) await Task.Delay(500);
            }
            return snapshot;
        }
        finally
        {
            if (keep is null) File.Delete(file);
        }
    }

    private double Resident()
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private async Task<string> RunToolAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repository, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("dotnet-gcdump");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet-gcdump {string.Join(' ', arguments)}: {await error}{await output}");
        return await output;
    }

    [GeneratedRegex(@"([\d,]+)\s+GC Heap bytes")]
    private static partial Regex TotalHeap();
}
