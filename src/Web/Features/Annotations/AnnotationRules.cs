using Annotate.Shared.W3c;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Annotations;

/// <summary>
/// The checks on what a person writes, with the sentences they see. The editor shows these before
/// posting and the API answers them as 400s, so both say the same thing.
/// </summary>
public static class AnnotationRules
{
    public const int MaxBodyLength = 20_000;
    public const int MaxTags = 20;
    public const int MaxTagLength = 50;

    /// <summary>The first problem with a body for a motivation, or null when it can be posted.</summary>
    public static string? CheckBody(string motivation, string body)
    {
        if (Motivations.NeedsBody(motivation) && string.IsNullOrWhiteSpace(body))
            return Words.Text(motivation == Motivations.Replying ? "Problem.ReplyNeedsText" : "Problem.CommentNeedsText");
        if (body.Length > MaxBodyLength)
            return Words.Text("Problem.CommentTooLong", body.Length, MaxBodyLength);
        return null;
    }

    public static string? CheckTags(IReadOnlyList<string> tags)
    {
        if (tags.Count > MaxTags) return Words.Text("Problem.TooManyTags", MaxTags);
        var tooLong = tags.FirstOrDefault(t => t.Length > MaxTagLength);
        return tooLong is null ? null : Words.Text("Problem.TagTooLongNamed", tooLong[..20], MaxTagLength);
    }

    public static string? CheckMotivation(string motivation) =>
        Motivations.IsKnown(motivation) ? null
            : $"Unknown motivation \"{motivation}\". Use one of: {string.Join(", ", Motivations.All)}.";
}
