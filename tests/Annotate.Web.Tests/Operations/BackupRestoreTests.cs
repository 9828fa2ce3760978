using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Annotate.Web.Tests.Operations;

/// <summary>`backup` while the app writes, `restore` of that backup, and the restores that must refuse and change nothing. Both copy SQLite files, so these run on SQLite; on PostgreSQL the commands point to pg_dump and pg_restore.</summary>
public sealed partial class BackupRestoreTests
{
    [SqliteOnlyFact]
    public async Task A_backup_taken_under_write_load_restores_to_the_counts_it_reports_with_integrity_ok()
    {
        using var restored = new TestDatabase();
        var backupFile = Path.Combine(restored.Directory, "under-load.db");
        string studentEmail;
        int documentId;
        long postedBeforeBackup, postedInAll;
        CommandResult backup;
        await using (var app = new AnnotateApp())
        {
            var room = await app.CreateClassroomAsync();
            studentEmail = room.StudentA.Email;
            documentId = room.DocumentId;
            long posted = 0;
            using var stopWriting = new CancellationTokenSource();
            async Task WriteAsync(ApiUser writer)
            {
                for (var i = 0; !stopWriting.IsCancellationRequested; i++)
                {
                    var response = await writer.PostAnnotationAsync(room.DocumentId, room.Comment("spectre", $"Comment {i} of {writer.DisplayName}"));
                    await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
                    Interlocked.Increment(ref posted);
                }
            }
            var writers = new[] { WriteAsync(room.StudentA), WriteAsync(room.StudentB) };
            while (Interlocked.Read(ref posted) < 10) await Task.Delay(10);

            postedBeforeBackup = Interlocked.Read(ref posted);
            backup = await OperationsRun.RunAsync(app.Database, "backup", backupFile);
            var postedAtBackupEnd = Interlocked.Read(ref posted);
            while (Interlocked.Read(ref posted) < postedAtBackupEnd + 5) await Task.Delay(10);
            await stopWriting.CancelAsync();
            await Task.WhenAll(writers);
            postedInAll = Interlocked.Read(ref posted);
        }

        Assert.True(backup.ExitCode == 0, backup.Error);
        var reported = long.Parse(AnnotationsReported().Match(backup.Output).Groups[1].Value);
        Assert.InRange(reported, postedBeforeBackup, postedInAll - 5);

        var restore = await OperationsRun.RunAsync(restored, "restore", backupFile);

        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.Contains($"{reported} annotations", restore.Output);
        Assert.Equal(reported, await restored.CountAsync("SELECT COUNT(*) FROM Annotations"));
        Assert.Equal(4, await restored.CountAsync("SELECT COUNT(*) FROM AspNetUsers"));
        Assert.Equal("ok", await IntegrityAsync(restored.FilePath));
        // And the app runs on it: the student signs in and sees what the backup holds.
        await using var again = AnnotateApp.On(restored);
        var student = await again.LoginAsync(studentEmail);
        Assert.Equal(reported, (await student.VisibleAnnotationIrisAsync(documentId)).Count);
    }

    [SqliteOnlyFact]
    public async Task Backup_refuses_to_replace_an_existing_file_unless_forced()
    {
        using var database = new TestDatabase();
        Assert.Equal(0, (await OperationsRun.RunAsync(database, "migrate")).ExitCode);
        var existing = Path.Combine(database.Directory, "keep-me.db");
        await File.WriteAllTextAsync(existing, "someone's file");

        var refused = await OperationsRun.RunAsync(database, "backup", existing);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("already exists", refused.Error);
        Assert.Equal("someone's file", await File.ReadAllTextAsync(existing));

        var forced = await OperationsRun.RunAsync(database, "backup", existing, "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal("ok", await IntegrityAsync(existing));
        Assert.Empty(Directory.GetFiles(database.Directory, "*.partial"));
    }

    [SqliteOnlyTheory]
    [InlineData("text")]
    [InlineData("sqlite-without-migrations")]
    public async Task Restore_refuses_a_file_that_is_not_an_Annotate_database_and_changes_nothing(string kind)
    {
        using var database = await DatabaseWithAnAccountAsync();
        var notAnnotate = Path.Combine(database.Directory, "other.db");
        if (kind == "text") await File.WriteAllTextAsync(notAnnotate, "Annotations: 12\n");
        else await CreateSqliteFileAsync(notAnnotate, "CREATE TABLE Annotations (Id INTEGER PRIMARY KEY)");
        var before = Hash(database.FilePath);

        var result = await OperationsRun.RunAsync(database, "restore", notAnnotate);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(kind == "text" ? "is not a SQLite database" : "not an Annotate database (it has no migrations table)", result.Error);
        Assert.Contains("The database was not changed.", result.Error);
        Assert.Equal(before, Hash(database.FilePath));
        Assert.False(File.Exists(database.FilePath + ".before-restore"));
    }

    [SqliteOnlyFact]
    public async Task Restore_refuses_while_the_app_is_running_on_the_database()
    {
        using var backupSource = await DatabaseWithAnAccountAsync();
        var backupFile = Path.Combine(backupSource.Directory, "backup.db");
        Assert.Equal(0, (await OperationsRun.RunAsync(backupSource, "backup", backupFile)).ExitCode);
        await using var app = new AnnotateApp();
        await app.RegisterAsync("running");
        var before = await app.Database.SnapshotAsync();

        var result = await OperationsRun.RunAsync(app.Database, "restore", backupFile);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The app is running", result.Error);
        Assert.Equal(before, await app.Database.SnapshotAsync());
        Assert.False(File.Exists(app.Database.FilePath + ".before-restore"));
    }

    [SqliteOnlyFact]
    public async Task Restore_keeps_the_database_it_replaces()
    {
        using var empty = new TestDatabase();
        Assert.Equal(0, (await OperationsRun.RunAsync(empty, "migrate")).ExitCode);
        var emptyBackup = Path.Combine(empty.Directory, "empty.db");
        Assert.Equal(0, (await OperationsRun.RunAsync(empty, "backup", emptyBackup)).ExitCode);
        using var database = await DatabaseWithAnAccountAsync();

        var result = await OperationsRun.RunAsync(database, "restore", emptyBackup);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(0, await database.CountAsync("SELECT COUNT(*) FROM AspNetUsers"));
        var kept = database.FilePath + ".before-restore";
        Assert.Contains(kept, result.Output);
        Assert.Equal(1, await CountAsync(kept, "SELECT COUNT(*) FROM AspNetUsers"));

        var second = await OperationsRun.RunAsync(database, "restore", emptyBackup);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("--force", second.Error);
        Assert.Equal(1, await CountAsync(kept, "SELECT COUNT(*) FROM AspNetUsers"));
    }

    private static async Task<TestDatabase> DatabaseWithAnAccountAsync()
    {
        var database = new TestDatabase();
        await using var app = AnnotateApp.On(database);
        await app.RegisterAsync("existing");
        return database;
    }

    private static async Task CreateSqliteFileAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> IntegrityAsync(string file) =>
        await ScalarAsync(file, "PRAGMA integrity_check") as string ?? "";

    private static async Task<long> CountAsync(string file, string sql) => Convert.ToInt64(await ScalarAsync(file, sql));

    private static async Task<object?> ScalarAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static string Hash(string file)
    {
        SqliteConnection.ClearAllPools();
        return Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
    }

    [GeneratedRegex(@"(\d+) annotations")]
    private static partial Regex AnnotationsReported();
}
