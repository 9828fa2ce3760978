using Annotate.Shared.Notifications;
using Annotate.Web.Features.Notifications;
using Annotate.Web.Tests.Languages;

namespace Annotate.Web.Tests.Notifications;

/// <summary>
/// One sentence says what a notification is about, for the bell, the API and mail alike (<see cref="NotificationItem.Summary"/>):
/// the bell had a second set of sentences of its own, and the shared one named a deleted account in English whatever the language.
/// </summary>
public sealed class NotificationSummaryTests
{
    private static NotificationItem Reply(string? actor, string? document) =>
        new(Guid.NewGuid(), NotificationKind.Reply, DateTimeOffset.UtcNow, Read: false, Available: true, ActorName: actor, DocumentTitle: document);

    [Fact]
    public void A_reply_by_a_deleted_account_is_named_in_the_readers_language()
    {
        using (UiCulture.English()) Assert.Equal("a deleted account replied", Reply(null, null).Summary);
        using (UiCulture.Vietnamese()) Assert.Equal("một tài khoản đã bị xóa đã trả lời", Reply(null, null).Summary);
    }

    [Fact]
    public void A_reply_on_a_document_names_who_and_where_in_one_sentence()
    {
        using (UiCulture.English()) Assert.Equal("Ana replied on “The Manifesto”", Reply("Ana", "The Manifesto").Summary);
        using (UiCulture.Vietnamese()) Assert.Equal("Ana đã trả lời trong “The Manifesto”", Reply("Ana", "The Manifesto").Summary);
    }
}
