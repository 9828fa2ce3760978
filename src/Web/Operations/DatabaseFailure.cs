using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Annotate.Web.Operations;

/// <summary>
/// One sentence for an operator when a command cannot use the database: which database (server, name and
/// role, or the SQLite file) and what stopped it, in the server's own words where it gave any. Never the
/// password, never a stack trace.
/// </summary>
internal static class DatabaseFailure
{
    public static string Sentence(string what, DbConnection connection, Exception exception) =>
        $"{what} could not be applied to {Database(connection)}: {Reason(exception).TrimEnd('.')}.";

    private static string Database(DbConnection connection) => connection switch
    {
        NpgsqlConnection npgsql when new NpgsqlConnectionStringBuilder(npgsql.ConnectionString) is var settings =>
            $"the PostgreSQL database '{settings.Database}' on {settings.Host}:{settings.Port} as '{settings.Username}'",
        SqliteConnection sqlite => $"the SQLite file '{sqlite.DataSource}'",
        _ => $"the database '{connection.Database}'",
    };

    private static string Reason(Exception exception) => exception switch
    {
        // The server answered and refused: its message says why (no such role, no right to create the database).
        PostgresException postgres => postgres.MessageText,
        // No answer at all: refused, no such host, a timeout. Npgsql's own message only repeats the address.
        NpgsqlException { InnerException: SocketException or TimeoutException } npgsql =>
            $"the server cannot be reached ({npgsql.InnerException!.Message.TrimEnd('.')})",
        NpgsqlException { InnerException: PostgresException postgres } => postgres.MessageText,
        SqliteException sqlite => sqlite.Message,
        _ => exception.InnerException is DbException inner ? Reason(inner) : exception.Message,
    };
}
