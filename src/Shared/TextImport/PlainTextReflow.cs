namespace Annotate.Shared.TextImport;

public static class PlainTextReflow
{
    /// <summary>Turns PDF-extracted plain text into a canonical text: paragraphs joined, headings kept, "\n\n" between blocks.</summary>
    public static string Reflow(string raw) => throw new NotImplementedException();
}
