using Annotate.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Operations;

/// <summary>
/// Backup and restore of the SQLite database. A backup is one `VACUUM INTO`: a single read transaction, so
/// the copy is the database as of one moment even while the app goes on writing (WAL lets it), written to a
/// temporary file and moved into place, so a half-written backup never bears the name asked for. A restore
/// copies the backup into the database through SQLite's backup API, which locks the file for the copy and
/// leaves no stale write-ahead log to be replayed over the new pages, as copying the file over it would.
/// </summary>
internal sealed class SqliteBackup(AnnotateDb db, TextWriter output, TextWriter error)
{
    public string DatabaseFile { get; } = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;

    public async Task<int> BackupAsync(string target, bool force)
    {
        target = Path.GetFullPath(target);
        if (File.Exists(target) && !force)
            return Fail($"{target} already exists. Choose another name, or add --force to replace it.");
        if (!File.Exists(DatabaseFile))
            return Fail($"There is no database at {DatabaseFile} to back up.");

        var temporary = $"{target}.{Guid.NewGuid():N}.partial";
        try
        {
            // Read-write only so that SQLite may open the write-ahead log; VACUUM INTO writes nothing here.
            await using (var source = SqliteFiles.Open(DatabaseFile, SqliteOpenMode.ReadWrite))
            {
                await source.OpenAsync();
                await using var vacuum = source.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $target";
                vacuum.Parameters.AddWithValue("$target", temporary);
                await vacuum.ExecuteNonQueryAsync();
            }
            var counts = await CheckedCountsAsync(temporary);
            File.Move(temporary, target, overwrite: true);
            output.WriteLine($"Backed up {DatabaseFile} to {target}: {counts}.");
            return 0;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task<int> RestoreAsync(string backup, bool force)
    {
        backup = Path.GetFullPath(backup);
        if (!File.Exists(backup)) return Fail($"There is no file {backup}.");
        if (await ProblemWithBackupAsync(backup) is { } problem)
            return Fail($"{backup} is not restored: {problem} The database was not changed.");

        var keep = DatabaseFile + ".before-restore";
        if (File.Exists(DatabaseFile) && File.Exists(keep) && !force)
            return Fail($"{keep} (kept by an earlier restore) already exists. Move it away, or add --force to replace it. The database was not changed.");

        using var hold = DatabaseFileHold.TryExclusive(DatabaseFile);
        if (hold is null)
            return Fail($"The app is running on {DatabaseFile}. Stop every instance, then restore. The database was not changed.");

        if (new FileInfo(DatabaseFile).Length > 0)
        {
            var kept = await BackupAsync(keep, force: true);
            if (kept != 0) return Fail("The current database could not be kept, so it was not replaced.");
        }

        await using (var source = SqliteFiles.Open(backup, SqliteOpenMode.ReadOnly))
        await using (var destination = SqliteFiles.Open(DatabaseFile, SqliteOpenMode.ReadWriteCreate))
        {
            await source.OpenAsync();
            await destination.OpenAsync();
            source.BackupDatabase(destination);
            await using var wal = destination.CreateCommand();
            // The backup's header says rollback journal; the app runs in write-ahead logging (DataSetup).
            wal.CommandText = "PRAGMA journal_mode=WAL";
            await wal.ExecuteNonQueryAsync();
        }
        var counts = await CheckedCountsAsync(DatabaseFile);
        output.WriteLine($"Restored {DatabaseFile} from {backup}: {counts}." +
            (File.Exists(keep) ? $" The database as it was is kept in {keep}." : ""));
        return 0;
    }

    /// <summary>Why the file cannot be restored, or null when it is a sound Annotate database this build can run.</summary>
    private async Task<string?> ProblemWithBackupAsync(string backup)
    {
        try
        {
            await using var connection = SqliteFiles.Open(backup, SqliteOpenMode.ReadOnly);
            await connection.OpenAsync();
            var integrity = await SqliteFiles.IntegrityAsync(connection);
            if (integrity != "ok") return $"its integrity check failed ({integrity}).";
            var applied = await SqliteFiles.AppliedMigrationsAsync(connection);
            if (applied is null) return "it is a SQLite file but not an Annotate database (it has no migrations table).";
            var unknown = applied.Except(db.Database.GetMigrations()).ToList();
            if (unknown.Count > 0) return $"it was made by a newer version of Annotate (migration {unknown[0]} is unknown to this one).";
            return null;
        }
        catch (SqliteException e)
        {
            return $"it is not a SQLite database ({e.Message.TrimEnd('.')}).";
        }
    }

    private static async Task<DatabaseCounts> CheckedCountsAsync(string file)
    {
        await using var connection = SqliteFiles.Open(file, SqliteOpenMode.ReadWrite);
        await connection.OpenAsync();
        var integrity = await SqliteFiles.IntegrityAsync(connection);
        if (integrity != "ok") throw new InvalidOperationException($"The integrity check of {file} failed: {integrity}");
        return await SqliteFiles.CountAsync(connection);
    }

    private int Fail(string message)
    {
        error.WriteLine(message);
        return 1;
    }
}
