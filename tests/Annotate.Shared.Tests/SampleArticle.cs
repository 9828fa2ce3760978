using Annotate.Shared.TextImport;

namespace Annotate.Shared.Tests;

/// <summary>The real article the demo seminar reads (copied to Fixtures/ at build), raw and reflowed.</summary>
internal static class SampleArticle
{
    private static readonly Lazy<string> RawText = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "proletarian-internationalism.txt")));

    private static readonly Lazy<string> CanonicalText = new(() => PlainTextReflow.Reflow(RawText.Value));

    public static string Raw => RawText.Value;

    public static string Canonical => CanonicalText.Value;
}
