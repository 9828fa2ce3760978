namespace Annotate.Web.Features.Import;

/// <summary>
/// The <c>Import</c> section: how much annotation import work may run at once and how long one import
/// may spend placing quotes. Each person runs one import at a time whatever these say.
/// </summary>
internal sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>Imports running at once on this server, everyone's together; more answer 429 until one finishes.</summary>
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>How long one import may spend placing its quotes; what is left then is reported as not placed.</summary>
    public double PlacingSeconds { get; set; } = 30;

    public TimeSpan PlacingBudget => TimeSpan.FromSeconds(PlacingSeconds);
}
