using Annotate.Web.Features.Notifications;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Annotate.Web.Tests.Notifications;

/// <summary>
/// Nothing lost on a restart: what should notify people is stored with the change that causes it (the outbox),
/// and a mail of a notification stays there until it is sent; an instance that stops first leaves them to the next.
/// </summary>
public sealed class NotificationOutboxTests
{
    private static void WithoutNotificationWorker(IServiceCollection services)
    {
        var worker = services.Single(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(NotificationWorker));
        services.Remove(worker);
    }

    private static Task ConfirmEveryAddressAsync(TestDatabase database) => database.ExecuteAsync(TestDatabase.OnPostgres
        ? "UPDATE \"AspNetUsers\" SET \"EmailConfirmed\" = TRUE"
        : "UPDATE AspNetUsers SET EmailConfirmed = 1");

    private static Task<long> WaitingAsync(TestDatabase database, string kind) =>
        database.CountAsync("SELECT COUNT(*) FROM NotificationOutbox WHERE Kind = $kind", ("$kind", kind));

    [Fact]
    public async Task A_mention_stored_by_an_instance_that_stopped_before_its_worker_ran_is_notified_and_mailed_by_the_next_start()
    {
        await using var smtp = TestSmtpServer.Start();
        using var database = new TestDatabase();
        var settings = smtp.AppSettings();
        Classroom room;
        await using (var stopped = AnnotateApp.On(database, settings, WithoutNotificationWorker))
        {
            room = await stopped.CreateClassroomAsync();
            await ConfirmEveryAddressAsync(database);
            await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", $"What do you think, {room.StudentB.Mention()}?"));

            Assert.Equal(1, await WaitingAsync(database, "Annotation"));
            Assert.Empty(await room.StudentB.NotificationsAsync());
        }

        await using var restarted = AnnotateApp.On(database, settings);
        var studentB = restarted.As(room.StudentB);
        var mention = await studentB.WaitForNotificationAsync("mention");
        Assert.Equal(room.StudentA.DisplayName, mention.GetProperty("actor").GetProperty("name").GetString());
        var mail = await smtp.WaitForMailAsync(room.StudentB.Email, m => m.Subject?.Contains("mentioned you") == true);
        Assert.Contains("What do you think", mail.Text);
        await restarted.NotificationsSettledAsync();
        Assert.Single(await studentB.NotificationsOfKindAsync("mention"));
        // The document the teacher added meanwhile was waiting too: every member heard of it, once.
        Assert.Single(await studentB.NotificationsOfKindAsync("document"));
    }

    [Fact]
    public async Task A_document_added_before_someone_joined_is_no_news_to_them_when_its_request_is_worked_on_after()
    {
        using var database = new TestDatabase();
        ApiUser member, late;
        await using (var stopped = AnnotateApp.On(database, new Dictionary<string, string>(), WithoutNotificationWorker))
        {
            var teacher = await stopped.RegisterAsync("teacher");
            member = await stopped.RegisterAsync("member");
            late = await stopped.RegisterAsync("late");
            var (seminarId, joinCode) = await stopped.CreateSeminarAsync(teacher);
            await stopped.JoinAsync(member, joinCode);
            await stopped.AddDocumentAsync(teacher, seminarId, "The Manifesto", SampleTexts.Manifesto);
            await stopped.JoinAsync(late, joinCode);
            Assert.Equal(1, await WaitingAsync(database, "Document"));
        }

        await using var restarted = AnnotateApp.On(database);
        await restarted.As(member).WaitForNotificationAsync("document");
        await restarted.NotificationsSettledAsync();
        Assert.Empty(await restarted.As(late).NotificationsOfKindAsync("document"));
    }

    [Fact]
    public async Task A_notification_mail_its_server_did_not_take_before_the_instance_stopped_is_sent_by_the_next_start()
    {
        await using var down = TestSmtpServer.RefusingFirst(1_000);
        await using var up = TestSmtpServer.Start();
        using var database = new TestDatabase();
        Classroom room;
        // Retries an hour apart: the mail is still waiting in the first instance's memory when it stops.
        await using (var stopping = AnnotateApp.On(database, down.AppSettings(("Email:RetrySeconds", "3600"))))
        {
            room = await stopping.CreateClassroomAsync();
            await ConfirmEveryAddressAsync(database);
            await room.Teacher.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", $"Read this, {room.StudentB.Mention()}."));
            await room.StudentB.WaitForNotificationAsync("mention");
            var until = DateTime.UtcNow.AddSeconds(10);
            while (down.Attempts == 0)
            {
                Assert.True(DateTime.UtcNow < until, "The first instance never tried to send the mail.");
                await Task.Delay(50);
            }
            Assert.Equal(1, await WaitingAsync(database, "Mail"));
        }

        await using var restarted = AnnotateApp.On(database, up.AppSettings());
        _ = restarted.Server;
        var mail = await up.WaitForMailAsync(room.StudentB.Email, m => m.Subject?.Contains("mentioned you") == true);
        Assert.Contains("Read this", mail.Text);
        await restarted.NotificationsSettledAsync();
        Assert.Single(up.MailTo(room.StudentB.Email));
    }

    [Fact]
    public async Task Two_instances_working_through_one_outbox_at_once_do_each_request_once()
    {
        using var database = new TestDatabase();
        var settings = new Dictionary<string, string>();
        await using var first = AnnotateApp.On(database, settings, WithoutNotificationWorker);
        await using var second = AnnotateApp.On(database, settings, WithoutNotificationWorker);
        var room = await first.CreateClassroomAsync();
        var threads = new List<string>();
        for (var i = 0; i < 12; i++)
            threads.Add((await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", $"Thread {i}"))).Iri());
        foreach (var thread in threads)
            await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread, "A reply."));
        var waiting = await database.CountAsync("SELECT COUNT(*) FROM NotificationOutbox");
        _ = second.Server;

        var workers = new[] { first, second }.Select(app => ActivatorUtilities.CreateInstance<NotificationWorker>(app.Services)).ToList();
        var taken = await Task.WhenAll(workers.Select(worker => worker.ProcessWaitingAsync(CancellationToken.None)));

        Assert.Equal(waiting, taken.Sum());
        Assert.Equal(0, await database.CountAsync("SELECT COUNT(*) FROM NotificationOutbox"));
        var replies = await first.As(room.StudentA).NotificationsOfKindAsync("reply");
        Assert.Equal(threads.Count, replies.Count);
        Assert.Equal(threads.Count, replies.Select(n => n.AnnotationIri()).Distinct().Count());
    }
}
