namespace Annotate.Web.Features.Documents.Import;

/// <summary>What reading a file gave: its canonical text, or the sentence that says why there is none.</summary>
internal sealed record ImportResult(string? Text, string? Problem)
{
    public static ImportResult Read(string text) => new(text, null);

    public static ImportResult Refused(string problem) => new(null, problem);
}
