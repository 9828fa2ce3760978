using Annotate.Data.Entities;
using Annotate.Web.Components.Account;
using Annotate.Web.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Annotate.Web.Features.Email;

/// <summary>
/// Mail is on when <c>Email:Smtp:Host</c> is set: a queue, the background sender that drains it, and
/// Identity's mails through them. Otherwise the queue drops what it is given and Identity gets the no-op
/// sender, which <see cref="AuthSetup.CheckAccountSettings"/> recognises. The settings are checked at start-up either way.
/// </summary>
internal static class EmailSetup
{
    public static void AddAnnotateEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AppOptions>().Bind(configuration.GetSection(AppOptions.Section))
            .Validate(options => options.IsValid, "App:PublicOrigin is not an origin: write it as scheme://host[:port], e.g. https://annotate.example.org.")
            .ValidateOnStart();
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddSingleton<MailQueue>();
        services.AddSingleton<MailLanguage>();

        if (string.IsNullOrWhiteSpace(configuration[$"{EmailOptions.Section}:Smtp:Host"]))
        {
            services.AddSingleton<IEmailSender<ApplicationUser>, IdentityNoOpEmailSender>();
            return;
        }
        services.AddHostedService<MailDelivery>();
        services.AddSingleton<IEmailSender<ApplicationUser>, IdentityMail>();
    }
}
