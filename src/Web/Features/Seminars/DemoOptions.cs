namespace Annotate.Web.Features.Seminars;

/// <summary>Configuration section "Demo": `Demo__Enabled=false` starts with an empty database.</summary>
internal sealed class DemoOptions
{
    public bool Enabled { get; set; } = true;
}
