using System.Globalization;
using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Web.Features.Languages;
using Annotate.Web.Features.Seminars;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Annotate.Web.Features.Users;

/// <summary>
/// Every way of registering (the account page and POST /api/auth/register) ends here, so this is
/// where a new account gets a display name, its own sample seminar, and the language it registered in.
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
    AnnotateDb db,
    DemoSeminar demoSeminar)
    : UserManager<ApplicationUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    /// <summary>
    /// Creates the account and its sample seminar in one write transaction. The transaction also makes
    /// registrations of one address wait for each other (WriteTransactions), so the second one's
    /// duplicate check sees the first account and answers DuplicateUserName, instead of both passing the
    /// check and the loser's insert failing on the unique index as a 500. (The password was hashed
    /// before this is called, so the time spent holding the write lock is a few inserts.)
    /// </summary>
    public override async Task<IdentityResult> CreateAsync(ApplicationUser user)
    {
        if (string.IsNullOrWhiteSpace(user.DisplayName))
            user.DisplayName = DefaultDisplayName(user.Email ?? user.UserName ?? "Reader");
        // The store saves through this same scoped context, so both writes share the transaction.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginWriteTransactionAsync() : null;
        try
        {
            var result = await base.CreateAsync(user);
            if (!result.Succeeded) return result;
            var language = RememberLanguage(user);
            if (demoSeminar.Enabled) demoSeminar.AddFor(db, user.Id);
            if (language || demoSeminar.Enabled) await db.SaveChangesAsync();
            if (transaction is not null) await transaction.CommitAsync();
            return result;
        }
        catch (DbUpdateException) when (transaction is not null)
        {
            // Whatever was added stays out of this scope's context; the transaction rolls back on dispose.
            db.ChangeTracker.Clear();
            await transaction.RollbackAsync();
            // A unique index refused the account: another registration of the address won after all
            // (a database without write locks). Answer as the duplicate check would have.
            var name = NormalizeName(user.UserName);
            var email = NormalizeEmail(user.Email);
            if (await Users.AnyAsync(u => u.NormalizedUserName == name || u.NormalizedEmail == email))
                return IdentityResult.Failed(ErrorDescriber.DuplicateUserName(user.UserName ?? user.Email ?? ""));
            throw;
        }
    }

    /// <summary>
    /// Registering in Vietnamese (the page's or the request's language) is choosing it, as the app bar's picker is:
    /// the confirmation mail that follows, and every later one, speaks it (MailLanguage reads the account). English
    /// needs no remembering: an account without a choice gets it, and its pages keep following the browser.
    /// </summary>
    private bool RememberLanguage(ApplicationUser user)
    {
        if (Languages.Languages.Supported(CultureInfo.CurrentUICulture.Name) is not { } language || language == Languages.Languages.Default) return false;
        db.UserClaims.Add(new IdentityUserClaim<string> { UserId = user.Id, ClaimType = AccountLanguage.ClaimType, ClaimValue = language });
        return true;
    }

    /// <summary>"ada.lovelace@example.org" becomes "ada.lovelace": readable, and never the whole address.</summary>
    internal static string DefaultDisplayName(string emailOrName)
    {
        var at = emailOrName.IndexOf('@');
        var name = at > 0 ? emailOrName[..at] : emailOrName;
        return name.Length > 60 ? name[..60] : name;
    }
}
