using System.Diagnostics.CodeAnalysis;
using Annotate.Web.Features.Seminars;
using Annotate.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Annotate.Web.Components.Seminars;

/// <summary>
/// The join refusals <see cref="SeminarService"/> gives (in English, as the API's problem+json says them) in the
/// reader's language, for the pages that show them; any other message passes unchanged.
/// </summary>
internal static class JoinMessages
{
    [return: NotNullIfNotNull(nameof(message))]
    public static string? Translate(IStringLocalizer<Strings> L, string? message) => message switch
    {
        SeminarService.UnknownCode => L["Join.UnknownCode"],
        SeminarService.RemovedMessage => L["Join.Removed"],
        SeminarService.ClosedMessage => L["Join.Closed"],
        _ => message,
    };
}
