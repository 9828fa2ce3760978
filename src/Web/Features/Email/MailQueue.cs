using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Annotate.Web.Features.Email;

/// <summary>
/// Mail waiting to be sent: a bounded queue that <see cref="MailDelivery"/> drains in the background, so a
/// request never waits on the SMTP server. In memory only: a restart loses what has not been sent yet
/// (docs/deploy.md says so), except notification mails, which the notification outbox keeps until sent.
/// </summary>
internal sealed class MailQueue(IOptions<EmailOptions> options, ILogger<MailQueue> logger)
{
    private readonly Channel<QueuedMail> channel = Channel.CreateBounded<QueuedMail>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private long lastNumber;
    private int waitingToRetry;

    /// <summary>
    /// Queues the mail without waiting; false when no mail is configured (<c>Email:Smtp:Host</c>), or when the
    /// queue is full: then the mail is dropped and logged, and the caller goes on (the person can ask again).
    /// </summary>
    public bool Enqueue(OutgoingMail mail)
    {
        if (!options.Value.IsConfigured) return false;
        var queued = new QueuedMail(Interlocked.Increment(ref lastNumber), mail, Attempt: 1);
        if (channel.Writer.TryWrite(queued)) return true;
        logger.LogError("The mail queue is full ({Capacity} waiting): mail {Number} \"{Subject}\" to {To} is dropped unsent.",
            options.Value.QueueCapacity, queued.Number, mail.Subject, mail.To);
        return false;
    }

    /// <summary>Mails queued and not yet taken for sending, plus those waiting for a retry.</summary>
    public int Unsent => channel.Reader.Count + Volatile.Read(ref waitingToRetry);

    internal ChannelReader<QueuedMail> Reader => channel.Reader;

    /// <summary>Puts a failed mail back after <paramref name="delay"/>, in the background: the sender goes on with the others meanwhile.</summary>
    internal void RetryLater(QueuedMail mail, TimeSpan delay, CancellationToken stopping)
    {
        Interlocked.Increment(ref waitingToRetry);
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(delay, stopping);
                // Waits for room rather than drop a mail that already waited its turn; only the sender is held up.
                await channel.Writer.WriteAsync(mail, stopping);
            }
            catch (OperationCanceledException)
            {
                // Shutting down: counted as unsent by MailDelivery.
            }
            finally
            {
                Interlocked.Decrement(ref waitingToRetry);
            }
        }, CancellationToken.None);
    }

    /// <summary>A mail in the queue: its number (for the log, across retries) and which attempt comes next.</summary>
    internal sealed record QueuedMail(long Number, OutgoingMail Mail, int Attempt);
}
