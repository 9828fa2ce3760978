namespace Annotate.Web.Components.Reading;

/// <summary>What a reading page does after <see cref="Discussion.Receive"/>.</summary>
internal enum FeedReaction
{
    /// <summary>Nothing changed for this reader.</summary>
    None,
    /// <summary>The discussion changed: draw it (a burst of these is drawn together).</summary>
    DrawSoon,
    /// <summary>Something small changed (progress): draw now.</summary>
    Draw,
    /// <summary>The text has a new revision: load it and its threads.</summary>
    ReloadText,
    /// <summary>What the reader may see changed: ask their access again and load what they see.</summary>
    ReloadAccess,
    /// <summary>The seminar's tag vocabulary changed: read it again (the editor's suggestions).</summary>
    ReloadTags,
    /// <summary>Events were dropped while the page lagged: load everything again.</summary>
    Reload,
}
