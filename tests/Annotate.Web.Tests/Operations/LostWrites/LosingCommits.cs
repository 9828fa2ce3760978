using System.Data.Common;
using System.Runtime.CompilerServices;
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

    // The last annotation's rowid when each transaction began: what has a higher one at its commit is new in it
    // (the writer inserts with its own prepared command, which EF neither tracks nor intercepts).
    private readonly ConditionalWeakTable<DbTransaction, StrongBox<long>> lastRowBefore = new();

    public override async ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData,
        DbTransaction result, CancellationToken cancellationToken = default)
    {
        // Migrations run in transactions too, some before there is a table of annotations.
        if (await ScalarAsync(result, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'Annotations'", cancellationToken) == 1)
            lastRowBefore.AddOrUpdate(result, new StrongBox<long>(await ScalarAsync(result, "SELECT COALESCE(MAX(rowid), 0) FROM Annotations", cancellationToken)));
        return result;
    }

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (!lastRowBefore.TryGetValue(transaction, out var before)) return result;
        var created = await IdsAsync(transaction, before.Value, cancellationToken);
        if (created.Count == 0 || Interlocked.Increment(ref commits) % Every != 0) return result;
        // Recorded before the commit is skipped, so the record is never behind a 201.
        await File.AppendAllLinesAsync(record, created, cancellationToken);
        // Skipped: the transaction is then disposed uncommitted, which rolls it back.
        return InterceptionResult.Suppress();
    }

    private static async Task<long> ScalarAsync(DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> IdsAsync(DbTransaction transaction, long after, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, $"SELECT Id FROM Annotations WHERE rowid > {after}");
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0).ToUpperInvariant());
        return ids;
    }

    private static DbCommand Command(DbTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
