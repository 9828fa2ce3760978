namespace Annotate.Shared.Anchoring;

/// <summary>A range of a .NET string in UTF-16 indexes, end exclusive.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
}
