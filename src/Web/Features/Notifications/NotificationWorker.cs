namespace Annotate.Web.Features.Notifications;

/// <summary>Drains <see cref="NotificationQueue"/> through <see cref="Notifier"/>, one request at a time; one failure never stops the rest.</summary>
internal sealed class NotificationWorker(NotificationQueue queue, Notifier notifier, ILogger<NotificationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var request in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await notifier.NotifyAsync(request, stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(error, "Could not notify anyone of {Request}.", request);
                }
                finally
                {
                    queue.Handled();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued notifies nobody (it is in memory, like the mail queue).
        }
    }
}
