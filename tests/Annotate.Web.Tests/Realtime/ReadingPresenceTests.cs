using Annotate.Web.Realtime;

namespace Annotate.Web.Tests.Realtime;

/// <summary>
/// "Reading now" of one instance: its own readers (each person once, whatever their tabs) and, with several
/// instances, the readers the others report; pages are told whenever the list they show changes.
/// </summary>
public sealed class ReadingPresenceTests
{
    private const int Document = 3;
    private static readonly ReadingPresence.Reader Rosa = new("rosa", "Rosa");
    private static readonly ReadingPresence.Reader Karl = new("karl", "Karl");

    [Fact]
    public void A_person_with_two_tabs_counts_once_and_stays_until_the_last_closes()
    {
        var presence = new ReadingPresence();
        var changes = Record(presence, here: false);

        var first = presence.Enter(Document, Rosa.UserId, Rosa.DisplayName);
        var second = presence.Enter(Document, Rosa.UserId, Rosa.DisplayName);
        first.Dispose();

        Assert.Equal([Rosa], presence.ReadersOf(Document));
        second.Dispose();
        Assert.Empty(presence.ReadersOf(Document));
        Assert.False(presence.IsReadHere(Document));
        Assert.Equal([Document, Document, Document, Document], changes);
    }

    [Fact]
    public void Readers_elsewhere_join_the_list_by_name_and_someone_on_both_counts_once()
    {
        var presence = new ReadingPresence();
        using var here = presence.Enter(Document, Rosa.UserId, Rosa.DisplayName);

        presence.SetElsewhere(Document, [Rosa, Karl]);

        Assert.Equal([Karl, Rosa], presence.ReadersOf(Document));
        Assert.Equal([Rosa], presence.ReadersHere(Document));
        Assert.Equal([Document], presence.DocumentsReadHere());
    }

    [Fact]
    public void Pages_are_told_when_the_readers_elsewhere_change_and_not_when_they_do_not()
    {
        var presence = new ReadingPresence();
        var changes = Record(presence, here: false);
        var changesHere = Record(presence, here: true);

        presence.SetElsewhere(Document, [Karl]);
        presence.SetElsewhere(Document, [Karl]);
        presence.SetElsewhere(Document, []);

        Assert.Equal([Document, Document], changes);
        Assert.Empty(changesHere);
        Assert.Empty(presence.ReadersOf(Document));
    }

    private static List<int> Record(ReadingPresence presence, bool here)
    {
        var changes = new List<int>();
        if (here) presence.ChangedHere += changes.Add;
        else presence.Changed += changes.Add;
        return changes;
    }
}
