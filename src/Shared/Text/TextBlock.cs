namespace Annotate.Shared.Text;

public enum BlockKind { Heading, Paragraph }

/// <summary>One block of a canonical text (UTF-16 indexes, end exclusive). Paragraphs are numbered 1.. in order; headings have no number.</summary>
public sealed record TextBlock(BlockKind Kind, int Start, int End, int? ParagraphNumber);
