namespace Annotate.Web.Tests.Security;

/// <summary>Test classes whose bounds are on time (or on memory) run in this collection, never beside other tests.</summary>
[CollectionDefinition(Collection, DisableParallelization = true)]
public sealed class TimedTests
{
    public const string Collection = "Timed, alone";
}
