using System.Diagnostics;
using System.Text.Json;
using Annotate.Web.Features.Export;
using Annotate.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Annotate.Web.Tests;

/// <summary>
/// The writers stream: 10,000 annotations go out in chunks of a few kilobytes, never as one buffer the
/// size of the file, and the JSON they make is whole. Times are printed for the record, not asserted
/// (docs/performance.md has the benchmark).
/// </summary>
public sealed class ExportStreamingTests(ITestOutputHelper output)
{
    private static readonly string Text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Content", "proletarian-internationalism.txt"));

    private static ExportContent TenThousand()
    {
        var views = SyntheticDiscussion.Create(Text, threads: 6_000, replies: 4_000);
        return new ExportContent(1, "Proletarian Internationalism", "Seminar", 1, Text, "Reader", "Everything you may see.",
            DateTimeOffset.UtcNow, ExportService.Arrange(Text, views));
    }

    [Fact]
    public async Task Jsonld_of_10000_annotations_goes_out_in_small_chunks_and_parses_whole()
    {
        var content = TenThousand();
        using var sink = new RecordingStream();

        var clock = Stopwatch.StartNew();
        await JsonLdExport.WriteAsync(content, sink, "http://localhost", "http://localhost/api/documents/1/export?format=jsonld");
        output.WriteLine($"JSON-LD: {sink.Length:N0} bytes in {sink.Writes:N0} writes, largest {sink.LargestWrite:N0} bytes, {clock.ElapsedMilliseconds} ms");

        Assert.True(sink.LargestWrite < 64 * 1024, $"largest write {sink.LargestWrite:N0} bytes");
        Assert.True(sink.Writes > 50);
        using var json = JsonDocument.Parse(sink.ToArray());
        Assert.Equal(10_000, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(10_000, json.RootElement.GetProperty("first").GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Csv_and_markdown_of_10000_annotations_go_out_in_small_chunks()
    {
        var content = TenThousand();
        foreach (var (name, write) in new (string, Func<Stream, Task>)[]
        {
            ("CSV", sink => CsvExport.WriteAsync(content, sink)),
            ("Markdown", sink => MarkdownExport.WriteAsync(content, sink)),
        })
        {
            using var sink = new RecordingStream();
            var clock = Stopwatch.StartNew();
            await write(sink);
            output.WriteLine($"{name}: {sink.Length:N0} bytes in {sink.Writes:N0} writes, largest {sink.LargestWrite:N0} bytes, {clock.ElapsedMilliseconds} ms");
            Assert.True(sink.LargestWrite <= 128 * 1024, $"{name}: largest write {sink.LargestWrite:N0} bytes");
            Assert.True(sink.Writes > 20, name);
        }
        var rows = ExportCalls.CsvRows(System.Text.Encoding.UTF8.GetString(await BytesAsync(s => CsvExport.WriteAsync(content, s)))[1..]);
        Assert.Equal(10_000, rows.Count);
    }

    private static async Task<byte[]> BytesAsync(Func<Stream, Task> write)
    {
        using var memory = new MemoryStream();
        await write(memory);
        return memory.ToArray();
    }

    /// <summary>Keeps what is written and notes how it came: how many writes, the largest one.</summary>
    private sealed class RecordingStream : MemoryStream
    {
        public int Writes { get; private set; }
        public int LargestWrite { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Note(buffer.Length);
            base.Write(buffer);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Note(count);
            base.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Note(buffer.Length);
            return base.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Note(count);
            return base.WriteAsync(buffer, offset, count, cancellationToken);
        }

        private void Note(int count)
        {
            Writes++;
            LargestWrite = Math.Max(LargestWrite, count);
        }
    }
}
