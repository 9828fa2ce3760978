// The export writers over 10,000 annotations - 6,000 threads on passages all over the ~100 KB text
// and 4,000 replies (SyntheticDiscussion, shared with the tests) - each written to a stream that
// only counts bytes: W3C JSON-LD (streamed through Utf8JsonWriter), CSV and Markdown. And the step every
// format starts from: placing the threads on the text, numbering paragraphs, ordering (Arrange).
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Export;
using Annotate.Web.Tests.Infrastructure;
using BenchmarkDotNet.Attributes;

namespace Annotate.Benchmarks;

[MemoryDiagnoser]
public class ExportBenchmarks
{
    private const string Origin = "http://localhost:5079";

    private string text = null!;
    private List<AnnotationView> views = null!;
    private ExportContent content = null!;

    [GlobalSetup]
    public void Setup()
    {
        text = BenchData.HundredKilobytes();
        views = SyntheticDiscussion.Create(text, threads: 6_000, replies: 4_000);
        content = new ExportContent(1, "Proletarian Internationalism", "Benchmark seminar", 1, text, "Reader", "Everything you may see.",
            DateTimeOffset.UtcNow, ExportService.Arrange(text, views));
    }

    [Benchmark(Description = "Arrange 10,000 annotations (place, number, order)")]
    public int Arrange() => ExportService.Arrange(text, views).Count;

    [Benchmark(Description = "JSON-LD, 10,000 annotations")]
    public async Task<long> JsonLd()
    {
        var sink = new CountingStream();
        await JsonLdExport.WriteAsync(content, sink, Origin, $"{Origin}/api/documents/1/export?format=jsonld");
        return sink.Length;
    }

    [Benchmark(Description = "CSV, 10,000 annotations")]
    public async Task<long> Csv()
    {
        var sink = new CountingStream();
        await CsvExport.WriteAsync(content, sink);
        return sink.Length;
    }

    [Benchmark(Description = "Markdown, 10,000 annotations")]
    public async Task<long> Markdown()
    {
        var sink = new CountingStream();
        await MarkdownExport.WriteAsync(content, sink);
        return sink.Length;
    }

    /// <summary>A write-only stream that keeps nothing but the count, like a response body seen from here.</summary>
    private sealed class CountingStream : Stream
    {
        private long length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => length;
        public override long Position { get => length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => length += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            length += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            length += count;
            return Task.CompletedTask;
        }

        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
