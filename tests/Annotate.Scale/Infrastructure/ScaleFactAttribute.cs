namespace Annotate.Scale.Infrastructure;

/// <summary>
/// A test of the two-instance set-up. tests/scale.sh runs them (./test.sh --scale); run on their own, with
/// nothing started, they say so instead of failing.
/// </summary>
public sealed class ScaleFactAttribute : FactAttribute
{
    public ScaleFactAttribute()
    {
        if (ScaleSetUp.Current is null) Skip = "Needs the two instances that tests/scale.sh starts (ANNOTATE_SCALE_A, _B, _PROXY, _A_PID).";
    }
}
