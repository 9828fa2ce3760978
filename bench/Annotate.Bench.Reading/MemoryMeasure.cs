using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Annotate.Bench.Reading;

/// <summary>
/// Memory an open page costs the server: <see cref="Pages"/> circuits of the bare /not-found page, then as many
/// reading pages beside them, each set kept open. The server's managed heap is read after a full collection
/// (dotnet-gcdump, the repository's local tool), and its resident set from /proc; the per-page figure is the
/// growth over each set divided by the number of pages.
/// </summary>
internal sealed partial class MemoryMeasure(Browser browser, int pid, string repository)
{
    public const int DefaultPages = 20;

    public int Pages { get; init; } = DefaultPages;

    public sealed record Result(double BareHeap, double ReadingHeap, double BareResident, double ReadingResident);

    public async Task<Result> RunAsync(Account reader, int documentId)
    {
        var (heap0, resident0) = await SnapshotAsync($"{documentId}-0-before");
        var opened = new List<IPage>();
        for (var i = 0; i < Pages; i++)
        {
            var page = await browser.OpenAsync(reader);
            var circuit = new CircuitBytes(page);
            await page.GotoAsync("/not-found");
            await circuit.InteractiveAsync();
            opened.Add(page);
        }
        var (heap1, resident1) = await SnapshotAsync($"{documentId}-1-bare");
        for (var i = 0; i < Pages; i++)
        {
            var page = await browser.OpenAsync(reader);
            await Browser.OpenReadingPageAsync(page, documentId, reader.Name);
            opened.Add(page);
        }
        var (heap2, resident2) = await SnapshotAsync($"{documentId}-2-reading");
        foreach (var page in opened) await Browser.CloseAsync(page);
        return new Result((heap1 - heap0) / Pages, (heap2 - heap1) / Pages, (resident1 - resident0) / Pages, (resident2 - resident1) / Pages);
    }

    /// <summary>
    /// Live managed bytes after a full collection, and the resident set, of the server process. To see what the
    /// bytes are: BENCH_SAVE_GCDUMP=dir keeps each dump there (<paramref name="name"/>.gcdump), for
    /// <c>dotnet dotnet-gcdump report</c> or a diff of two.
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
            return (double.Parse(total.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture), Resident());
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
