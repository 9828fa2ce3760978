using Microsoft.Extensions.Options;

namespace Annotate.Web.Features.Notifications;

/// <summary>Asks <see cref="DigestService"/> every <see cref="NotificationOptions.DigestCheckMinutes"/> minutes for the digests now due.</summary>
internal sealed class DigestWorker(DigestService digests, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<DigestWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.DigestCheckMinutes), clock);
        try
        {
            do
            {
                try
                {
                    await digests.SendDueAsync(stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    logger.LogError(error, "Sending the daily digests failed; trying again at the next check.");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
