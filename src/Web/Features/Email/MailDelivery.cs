using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Annotate.Web.Features.Email;

/// <summary>
/// Drains <see cref="MailQueue"/> into the SMTP server, one mail after the other over one connection while
/// more are waiting. A failure the server calls temporary (or no answer at all) is tried again after a wait
/// that doubles each time, up to <see cref="EmailOptions.Attempts"/>; a refusal it calls permanent (5xx), or
/// the last attempt, is logged as given up. A failing mail never holds up the ones behind it.
/// </summary>
internal sealed class MailDelivery(MailQueue queue, IOptions<EmailOptions> options, ILogger<MailDelivery> logger) : BackgroundService
{
    private readonly EmailOptions settings = options.Value;
    private readonly MailboxAddress? from = EmailOptionsValidator.ParseFrom(options.Value.From);
    private int abandoned;
    private int stopped;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(settings.Smtp.TimeoutSeconds).TotalMilliseconds };
                while (queue.Reader.TryRead(out var mail))
                    await DeliverAsync(client, mail, stoppingToken);
                if (client.IsConnected) await QuitAsync(client);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; StopAsync reports what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // The host may stop its services twice (stop, then dispose); say it once.
        if (Interlocked.Exchange(ref stopped, 1) == 1) return;
        var unsent = queue.Unsent + abandoned;
        if (unsent > 0)
            logger.LogWarning("Stopping with {Count} mail(s) unsent; the mail queue is in memory: account mails among them are lost, notification mails are sent by the next start (the notification outbox).", unsent);
    }

    private async Task DeliverAsync(SmtpClient client, MailQueue.QueuedMail queued, CancellationToken stoppingToken)
    {
        var mail = queued.Mail;
        try
        {
            if (mail.StillAllowed is { } stillAllowed && !await stillAllowed(stoppingToken))
            {
                logger.LogInformation("Mail {Number} \"{Subject}\" is not sent: what it is about is no longer for {To}.", queued.Number, mail.Subject, mail.To);
                await DoneAsync(queued, stoppingToken);
                return;
            }
            if (!client.IsConnected) await ConnectAsync(client, stoppingToken);
            await client.SendAsync(Compose(mail), stoppingToken);
            logger.LogInformation("Sent mail {Number} \"{Subject}\" to {To} (attempt {Attempt}).", queued.Number, mail.Subject, mail.To, queued.Attempt);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping in the middle of this mail: it is lost with the rest of the queue.
            abandoned++;
            throw;
        }
        catch (Exception error)
        {
            // The connection may be half-way through a command: start the next mail on a fresh one.
            if (client.IsConnected) await QuitAsync(client);
            if (Failed(queued, error, stoppingToken)) await DoneAsync(queued, stoppingToken);
            return;
        }
        await DoneAsync(queued, stoppingToken);
    }

    /// <summary>Tells whoever queued it that the mail is finished with; their failure is logged, the sending goes on.</summary>
    private async Task DoneAsync(MailQueue.QueuedMail queued, CancellationToken stoppingToken)
    {
        if (queued.Mail.Done is not { } done) return;
        try
        {
            await done(stoppingToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogError(error, "Mail {Number} is finished with, but saying so failed.", queued.Number);
        }
    }

    /// <summary>Logs the failure and tries again later; true when it gave the mail up.</summary>
    private bool Failed(MailQueue.QueuedMail queued, Exception error, CancellationToken stoppingToken)
    {
        var mail = queued.Mail;
        // A 5xx answer, or an address that is no address, fails the same way every time.
        var permanent = error is SmtpCommandException { StatusCode: var status } && (int)status >= 500 || error is ParseException;
        if (permanent || queued.Attempt >= settings.Attempts)
        {
            logger.LogError(error, "Gave up sending mail {Number} \"{Subject}\" to {To} after {Attempt} attempt(s): {Reason}",
                queued.Number, mail.Subject, mail.To, queued.Attempt, permanent ? "the server refused it for good" : "it failed every time");
            return true;
        }
        var delay = settings.DelayAfter(queued.Attempt);
        // The reason alone: the stack trace is the same every time, and the last attempt logs it.
        logger.LogWarning("Sending mail {Number} \"{Subject}\" to {To} failed (attempt {Attempt} of {Attempts}: {Reason}); trying again in {Seconds} s.",
            queued.Number, mail.Subject, mail.To, queued.Attempt, settings.Attempts, error.Message, delay.TotalSeconds);
        queue.RetryLater(queued with { Attempt = queued.Attempt + 1 }, delay, stoppingToken);
        return false;
    }

    private async Task ConnectAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        var smtp = settings.Smtp;
        var security = smtp.SecurityMode switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(smtp.Host!.Trim(), smtp.EffectivePort, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User))
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
    }

    private MimeMessage Compose(OutgoingMail mail)
    {
        var message = new MimeMessage { Subject = mail.Subject };
        message.From.Add(from!);
        message.To.Add(MailboxAddress.Parse(mail.To));
        // Plain text first: a client shows the last part it understands, so HTML wins where it can be shown.
        message.Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody();
        // Mail from an application; auto-replies ("I'm away") should not answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        foreach (var (name, value) in mail.Headers) message.Headers.Add(name, value);
        return message;
    }

    private async Task QuitAsync(SmtpClient client)
    {
        try
        {
            using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.DisconnectAsync(quit: true, quick.Token);
        }
        catch (Exception error) when (error is IOException or ServiceNotConnectedException or ProtocolException or OperationCanceledException or SmtpCommandException)
        {
            // Already gone or not answering: nothing more to say to it.
        }
    }
}
