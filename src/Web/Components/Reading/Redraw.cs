namespace Annotate.Web.Components.Reading;

/// <summary>The answer of <see cref="RedrawThrottle.Request"/>.</summary>
internal enum Redraw { Now, Later, Queued }
