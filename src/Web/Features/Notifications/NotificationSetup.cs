namespace Annotate.Web.Features.Notifications;

/// <summary>The inbox, its background worker, mentions, mail at once and the daily digest.</summary>
internal static class NotificationSetup
{
    public static void AddAnnotateNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section))
            .Validate(options => options.DigestCheckMinutes > 0, "Notifications:DigestCheckMinutes must be above zero.")
            .Validate(options => options.OutboxCheckSeconds > 0, "Notifications:OutboxCheckSeconds must be above zero.").ValidateOnStart();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<Notifier>();
        services.AddSingleton<NotificationService>();
        services.AddSingleton<NotificationPreferences>();
        services.AddSingleton<NotificationMail>();
        services.AddSingleton<MentionCheck>();
        services.AddSingleton<MentionCandidates>();
        services.AddSingleton<AnnouncementService>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<TeacherDigest>();
        services.AddSingleton<DigestService>();
        services.AddHostedService<NotificationWorker>();
        services.AddHostedService<DigestWorker>();
    }
}
