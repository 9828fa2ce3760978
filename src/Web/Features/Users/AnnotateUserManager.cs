using Annotate.Data.Entities;
using Annotate.Web.Features.Seminars;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Annotate.Web.Features.Users;

/// <summary>
/// Every way of registering (the account page and POST /api/auth/register) ends here, so this is
/// where a new account gets a display name and its place in the demo seminar.
/// </summary>
internal sealed class AnnotateUserManager(
    IUserStore<ApplicationUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<ApplicationUser> passwordHasher,
    IEnumerable<IUserValidator<ApplicationUser>> userValidators,
    IEnumerable<IPasswordValidator<ApplicationUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<ApplicationUser>> logger,
    DemoSeminar demoSeminar)
    : UserManager<ApplicationUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> CreateAsync(ApplicationUser user)
    {
        if (string.IsNullOrWhiteSpace(user.DisplayName))
            user.DisplayName = DefaultDisplayName(user.Email ?? user.UserName ?? "Reader");
        var result = await base.CreateAsync(user);
        if (result.Succeeded)
            await demoSeminar.EnrollAsync(user.Id);
        return result;
    }

    /// <summary>"ada.lovelace@example.org" becomes "ada.lovelace": readable, and never the whole address.</summary>
    internal static string DefaultDisplayName(string emailOrName)
    {
        var at = emailOrName.IndexOf('@');
        var name = at > 0 ? emailOrName[..at] : emailOrName;
        return name.Length > 60 ? name[..60] : name;
    }
}
