using System.Collections.Concurrent;
using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Web.Features.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Annotate.Web.Features.Notifications;

/// <summary>
/// Works through the notification outbox (<see cref="NotificationRequest"/> rows), oldest first, at start-up (what a
/// stopped instance left), whenever this instance's writers commit one, and every
/// <see cref="NotificationOptions.OutboxCheckSeconds"/> (what other instances wrote, what failed once). Each row is
/// claimed in one statement before it is done, so two instances never do one row twice; a claim runs out, so a row
/// whose instance stopped half-way is done by the next. A request row goes in the same SaveChanges as the
/// notifications it makes (<see cref="Notifier"/>); a mail row once its mail was sent, refused or given up.
/// </summary>
internal sealed class NotificationWorker(IDbContextFactory<AnnotateDb> dbFactory, NotificationOutbox outbox, Notifier notifier, NotificationMail mail,
    IOptions<NotificationOptions> options, IOptions<EmailOptions> email, TimeProvider clock, ILogger<NotificationWorker> logger) : BackgroundService
{
    /// <summary>A row taken this many times without being done is given up (and logged).</summary>
    public const int MaxAttempts = 5;

    private const int Batch = 100;

    /// <summary>How long a claimed request is its processor's; working out who to tell takes moments.</summary>
    private static readonly TimeSpan RequestLease = TimeSpan.FromMinutes(2);

    /// <summary>Mail rows whose mails are in this instance's mail queue: given back when it stops, for the next start.</summary>
    private readonly ConcurrentDictionary<Guid, byte> mailing = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(options.Value.OutboxCheckSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ProcessWaitingAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(error, "Reading the notification outbox failed; trying again at the next round.");
            }
            try
            {
                await outbox.WaitAsync(every, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: what is left stays in the outbox for the next start.
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        var held = mailing.Keys.ToList();
        if (held.Count == 0) return;
        // Their mails die with this instance's memory: whoever starts next sends them, without waiting for the claims to run out.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.NotificationOutbox.Where(r => held.Contains(r.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.ClaimedUntil, (DateTimeOffset?)null).SetProperty(r => r.Attempts, r => r.Attempts - 1), cancellationToken);
        logger.LogInformation("Giving back {Count} notification mail(s) not sent yet: they stay in the outbox for the next start.", held.Count);
    }

    /// <summary>Does every row nobody holds now; answers how many it took.</summary>
    internal async Task<int> ProcessWaitingAsync(CancellationToken cancellationToken)
    {
        var taken = 0;
        while (true)
        {
            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var waiting = await db.NotificationOutbox.Where(r => r.ClaimedUntil == null || r.ClaimedUntil < now)
                .OrderBy(r => r.Created).Select(r => new { r.Id, r.Kind }).Take(Batch).ToListAsync(cancellationToken);
            foreach (var row in waiting)
            {
                var until = now + (row.Kind == NotificationRequestKind.Mail ? MailLease() : RequestLease);
                // Claimed in one statement: another instance reading the same rows finds it taken.
                var claimed = await db.NotificationOutbox.Where(r => r.Id == row.Id && (r.ClaimedUntil == null || r.ClaimedUntil < now))
                    .ExecuteUpdateAsync(set => set.SetProperty(r => r.ClaimedUntil, until).SetProperty(r => r.Attempts, r => r.Attempts + 1), cancellationToken);
                if (claimed == 0) continue;
                taken++;
                await HandleAsync(row.Id, cancellationToken);
            }
            if (waiting.Count < Batch) return taken;
        }
    }

    private async Task HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        NotificationRequest? request = null;
        try
        {
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
                request = await db.NotificationOutbox.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (request is null) return;
            if (request.Attempts > MaxAttempts)
            {
                logger.LogError("Gave up notification request {Id} ({Kind}) after {Attempts} attempts.", id, request.Kind, MaxAttempts);
                await RemoveAsync(id, cancellationToken);
            }
            else if (request.Kind == NotificationRequestKind.Mail)
                await MailAsync(request, cancellationToken);
            else
                await notifier.NotifyAsync(request, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Left claimed: taken again once the claim runs out.
            logger.LogError(error, "Could not do notification request {Id} ({Kind}); it is tried again later.", id, request?.Kind);
        }
    }

    private async Task MailAsync(NotificationRequest request, CancellationToken cancellationToken)
    {
        Notification? notification;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            notification = await db.Notifications.AsNoTracking().FirstOrDefaultAsync(n => n.Id == request.NotificationId, cancellationToken);
        var id = request.Id;
        mailing[id] = 0;
        // Sent, refused or given up: done. Stopping before that leaves the row for the next start.
        if (notification is null || !await mail.SendNowAsync(notification, token => MailedAsync(id, token), cancellationToken))
            await MailedAsync(id, cancellationToken);
    }

    private async Task MailedAsync(Guid id, CancellationToken cancellationToken)
    {
        await RemoveAsync(id, cancellationToken);
        mailing.TryRemove(id, out _);
    }

    private async Task RemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.NotificationOutbox.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// A mail row stays claimed while its mail may still be in this instance's queue: every retry's wait and every
    /// attempt's time-out, and a margin for the mails ahead of it.
    /// </summary>
    private TimeSpan MailLease()
    {
        var settings = email.Value;
        var waits = Enumerable.Range(1, Math.Max(settings.Attempts - 1, 0)).Sum(attempt => settings.DelayAfter(attempt).TotalSeconds);
        return TimeSpan.FromSeconds(waits + settings.Attempts * 2 * settings.Smtp.TimeoutSeconds) + TimeSpan.FromMinutes(10);
    }
}
