using Annotate.Shared.Text;

namespace Annotate.Web.Setup;

/// <summary>
/// The first Markdown rendering after a start builds Markdig's pipeline and HtmlSanitizer (AngleSharp),
/// close to a second of work on a small machine. Done lazily, that second landed on the first comment
/// shown after a restart: its author and every live reader waited for it. Doing it here, beside start-up
/// rather than before it, keeps start-up as fast as it was.
/// </summary>
internal sealed class MarkdownWarmUp(ILogger<MarkdownWarmUp> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            MarkdownRenderer.ToSafeHtml("*Warm-up*: a [link](https://example.org) and `code`.");
        }
        catch (Exception exception)
        {
            // Rendering on demand will raise it again where someone can see it.
            logger.LogWarning(exception, "Warming up the Markdown renderer failed");
        }
    }, stoppingToken);
}
