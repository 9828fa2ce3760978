using System.Data.Common;
using Annotate.Data.Entities;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Annotate.Web.Tests.Operations.LostWrites;

/// <summary>
/// Deliberate damage, for the crash test's own test: every <see cref="Every"/>th transaction that stores new
/// annotations is not committed, yet reported committed, so the app answers 201 for annotations that never
/// reach the file (what acknowledging before the commit loses when the process dies in between). The ids it
/// dropped go to the file <see cref="RecordVariable"/> names, one a line, for the test to compare with what
/// its checker reports missing.
/// </summary>
internal sealed class LosingCommits(string record) : DbTransactionInterceptor
{
    /// <summary>The environment variable that turns the damage on, naming the file of dropped ids.</summary>
    public const string RecordVariable = "ANNOTATE_TEST_LOSE_COMMITS";

    public const int Every = 5;

    private int commits;

    /// <summary>What a child process needs for the damage: this assembly as its startup hook, and the record file.</summary>
    public static Dictionary<string, string> Environment(string record) => new()
    {
        ["DOTNET_STARTUP_HOOKS"] = typeof(LosingCommits).Assembly.Location,
        [RecordVariable] = record,
    };

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        var created = eventData.Context?.ChangeTracker.Entries<Annotation>().Select(e => e.Entity.Id.ToString().ToUpperInvariant()).ToList();
        if (created is not { Count: > 0 } || Interlocked.Increment(ref commits) % Every != 0) return result;
        // Recorded before the commit is skipped, so the record is never behind a 201.
        await File.AppendAllLinesAsync(record, created, cancellationToken);
        // Skipped: the transaction is then disposed uncommitted, which rolls it back.
        return InterceptionResult.Suppress();
    }
}
