using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Annotate.Data;

/// <summary>
/// A transaction that checks and then writes, with no other such transaction in between: "is this group
/// name taken?" then the insert, "is another teacher left?" then the removal. SQLite gives that by itself
/// (Microsoft.Data.Sqlite begins every transaction IMMEDIATE: one writer at a time). PostgreSQL's default
/// (read committed) would let two of them read the same state and both write; there the transaction first
/// takes one advisory lock that every write transaction shares, held until it commits or rolls back, so
/// they run one at a time across every instance on the database, as on SQLite. Reads and single
/// statements outside these transactions do not wait for it.
/// </summary>
public static class WriteTransactions
{
    /// <summary>The advisory lock's key: any fixed number no other application on the database uses.</summary>
    private const long WriteLockKey = 0x416E6E6F74617465; // "Annotate"

    public static async Task<IDbContextTransaction> BeginWriteTransactionAsync(this DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        var transaction = await database.BeginTransactionAsync(cancellationToken);
        if (database.IsNpgsql())
            await database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({WriteLockKey})", cancellationToken);
        return transaction;
    }
}
