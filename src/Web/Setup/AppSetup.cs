using System.Globalization;
using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Web.Components;
using Annotate.Web.Components.Account;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Discussion;
using Annotate.Web.Features.Documents;
using Annotate.Web.Features.Tags;
using Annotate.Web.Features.Feedback;
using Annotate.Web.Features.Notifications;
using Annotate.Web.Features.Overview;
using Annotate.Web.Features.Documents.Import;
using Annotate.Web.Features.Import;
using Annotate.Web.Features.Languages;
using Annotate.Web.Features.Export;
using Annotate.Web.Features.Search;
using Annotate.Web.Features.Seminars;
using Annotate.Web.Features.Users;
using Annotate.Web.Operations.OpenApi;
using Annotate.Web.Operations.Telemetry;
using Annotate.Web.Realtime;
using Annotate.Web.Resources;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;
using MudBlazor.Services;

namespace Annotate.Web.Setup;

/// <summary>All service registration and the request pipeline, so Program.cs only wires.</summary>
internal static class AppSetup
{
    /// <summary>
    /// The largest message a browser may send to its circuit (SignalR buffers each whole, per connection).
    /// The largest the app needs is a comment being typed: 20,000 characters at most (the editor stops
    /// there), sent as JSON, at most 6 bytes a character (3 in UTF-8, 6 for an escaped control character),
    /// so 120 KB; or a saved draft of one read back from the browser's storage, its non-ASCII characters
    /// escaped as \uXXXX once more in transit, 7 bytes a character, so 140 KB. Whole documents never go
    /// in one message: pasted and edited texts are streamed in chunks (DocumentTextField), files too.
    /// SignalR's default of 32 KB would cut comments short, so: 256 KB.
    /// </summary>
    internal const long CircuitMessageLimit = 256 * 1024;

    public static void AddAnnotate(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(options => options.MaximumReceiveMessageSize = CircuitMessageLimit);
        services.AddMudServices();
        services.AddAnnotateLanguages();
        // Bare status codes (a body that does not bind, no user, no such route) get a sentence too.
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Written on the way out of the pipeline, where the culture the request localization set no longer flows.
            using var language = new InCulture(context.HttpContext.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.CurrentUICulture);
            context.ProblemDetails.Detail ??= Problems.DefaultDetail(context.ProblemDetails.Status);
        });
        var health = services.AddAnnotateHealthChecks();
        services.AddAnnotateOpenApi();

        services.AddAnnotateData(configuration, Path.Combine(builder.Environment.ContentRootPath, "App_Data"));
        builder.AddAnnotateAuth();
        builder.AddAnnotateRateLimits();

        services.Configure<DemoOptions>(configuration.GetSection("Demo"));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SeminarService>();
        services.AddSingleton<MembershipService>();
        services.AddSingleton<DemoSeminar>();
        services.AddSingleton<SeminarDeletion>();
        services.AddSingleton<AccountDeletion>();
        services.AddSingleton<DocumentService>();
        services.AddSingleton<DocumentImporter>();
        services.AddSingleton<AnnotationWriter>();
        services.AddSingleton<AnnotationService>();
        services.AddSingleton<ReactionService>();
        services.AddSingleton<TagLock>();
        services.AddSingleton<TagVocabulary>();
        services.AddSingleton<DiscussionSearch>();
        services.AddSingleton<SearchService>();
        services.AddSingleton<FeedbackService>();
        services.AddSingleton<ContributionSource>();
        services.AddSingleton<ParticipationService>();
        services.AddSingleton<SeminarDashboardService>();
        services.AddSingleton<ConfusionService>();
        services.AddAnnotateNotifications(configuration);
        services.Configure<ImportOptions>(configuration.GetSection(ImportOptions.Section));
        services.AddSingleton<ImportSlots>();
        services.AddSingleton<AnnotationImporter>();
        services.AddSingleton<ReaderAccess>();
        services.AddSingleton<RevisionService>();
        services.AddSingleton<AnchoringWorker>();
        services.AddSingleton<ExportService>();
        services.Configure<ExportOptions>(configuration.GetSection(ExportOptions.Section));
        services.AddSingleton<PrintableSlots>();
        services.AddHostedService(sp => sp.GetRequiredService<AnchoringWorker>());

        services.AddOptions<RealtimeOptions>().Bind(configuration.GetSection(RealtimeOptions.Section))
            .Validate(options => options.IsValid, "Every Realtime queue limit must be above zero.").ValidateOnStart();
        builder.AddAnnotateTelemetry();
        services.AddSingleton<ReadingPresence>();
        services.AddSingleton<HubReaders>();
        services.AddSingleton<HubConnections>();
        services.AddHostedService<HubRelay>();
        services.AddHostedService<MarkdownWarmUp>();
        services.AddSignalR();
        services.AddAnnotateRedis(health, configuration);
        services.AddSingleton<HubLifetimeManager<AnnotationHub>, AnnotationHubLifetimeManager>();
        services.AddHubOrigins(configuration);
        // A year, the usual for HSTS; subdomains are not ours to decide for.
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
    }

    public static void UseAnnotate(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (app.Environment.IsDevelopment())
        {
            app.UseMigrationsEndPoint();
        }
        else
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            // Only on answers over HTTPS (and never to localhost); behind a proxy, see README "Run in Production".
            app.UseHsts();
        }

        // People get the not-found page for a bare status code; API and hub clients get problem+json, written
        // inside, so the page is never re-executed for them. (Re-executing from inside a UseWhen branch finds no
        // endpoint: an unknown address answered an empty 404.)
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api") || c.Request.Path.StartsWithSegments("/hubs"), branch => branch.UseStatusCodePages());

        app.UseHubOrigins();
        app.UseAuthentication();
        app.UseMiddleware<DeletedAccountGuard>();
        app.UseAnnotateLanguages();
        app.UseAuthorization();
        app.UseApiRequestGuard();
        app.UseAnnotateRateLimits();
        app.UseAntiforgery();

        app.MapStaticAssets();
        // Blazor's own Content-Security-Policy (frame-ancestors 'self') would stand in for ours; ours forbids framing altogether.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
        app.MapAdditionalIdentityEndpoints();
        app.MapLanguageEndpoint();

        app.MapGroup("/api/auth").WithTags("Auth").MapIdentityApi<ApplicationUser>().WithSignInLimits();
        app.MapUsersApi();
        app.MapSeminarsApi();
        app.MapDocumentsApi();
        app.MapAnnotationsApi();
        app.MapDiscussionApi();
        app.MapTagsApi();
        app.MapFeedbackApi();
        app.MapNotificationsApi();
        app.MapUnsubscribe();
        app.MapParticipationApi();
        app.MapDashboardApi();
        app.MapImportApi();
        app.MapExportApi();
        app.MapSearchApi();
        app.MapHub<AnnotationHub>("/hubs/annotations").AllowListedOrigins();
        app.MapAnnotateHealth();
        app.MapAnnotateOpenApi();
    }
}
