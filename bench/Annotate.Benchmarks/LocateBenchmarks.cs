// One Locate of a 1,000-char quote on the ~100 KB text, the quote edited in its middle so that only
// the fuzzy matcher (16 blocks of 64 bits) can find it: with its position as hint, and without.
using Annotate.Shared.Anchoring;
using BenchmarkDotNet.Attributes;

namespace Annotate.Benchmarks;

[MemoryDiagnoser]
public class LocateBenchmarks
{
    private string text = null!;
    private TextQuoteSelector quote = null!;
    private TextPositionSelector position = null!;

    [GlobalSetup]
    public void Setup()
    {
        var original = BenchData.HundredKilobytes();
        (quote, position) = TextAnchor.Describe(original, new TextSpan(50_000, 51_000));
        text = original.Remove(50_500, 3).Insert(50_200, "new words ");
    }

    [Benchmark(Description = "Locate 1,000-char edited quote, hinted")]
    public TextSpan? Hinted() => TextAnchor.Locate(text, quote, position);

    [Benchmark(Description = "Locate 1,000-char edited quote, no hint")]
    public TextSpan? Unhinted() => TextAnchor.Locate(text, quote);
}
