using System.Globalization;
using Annotate.Data;
using Annotate.Web.Features.Languages;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Email;

/// <summary>
/// The language a mail to a person is written in: the one their account remembers (<see cref="AccountLanguage"/>),
/// else English; never the language of whoever's request caused the mail.
/// </summary>
internal sealed class MailLanguage(IDbContextFactory<AnnotateDb> dbFactory)
{
    public async Task<CultureInfo> OfAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var chosen = await db.UserClaims.Where(c => c.UserId == userId && c.ClaimType == AccountLanguage.ClaimType)
            .Select(c => c.ClaimValue).FirstOrDefaultAsync(cancellationToken);
        return CultureInfo.GetCultureInfo(Languages.Languages.Supported(chosen) ?? Languages.Languages.Default);
    }
}
