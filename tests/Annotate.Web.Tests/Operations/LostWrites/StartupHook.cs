using System.Diagnostics;
using Annotate.Web.Tests.Operations.LostWrites;

/// <summary>
/// Loaded into the published app only by <see cref="LosingCommits.Environment"/> (DOTNET_STARTUP_HOOKS names this
/// assembly): the runtime calls <see cref="Initialize"/> before Main. It watches for the app's host being built
/// and adds <see cref="LosingCommits"/> to its database, so the crash test's checker can be shown a lost write.
/// The runtime finds the hook by this name, outside any namespace.
/// </summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(LosingCommits.RecordVariable) is { Length: > 0 } record)
            DiagnosticListener.AllListeners.Subscribe(new HostBuildingObserver(record));
    }
}
