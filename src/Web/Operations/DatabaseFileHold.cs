namespace Annotate.Web.Operations;

/// <summary>
/// A running app holds a shared advisory lock on its SQLite file (flock on Unix, a share mode on Windows;
/// SQLite's own locks are separate and untouched), and `restore` asks for an exclusive one: so a restore
/// refuses while any instance is running on the file, and a crashed instance holds nothing, since the
/// operating system drops the lock with the process.
/// </summary>
internal sealed class DatabaseFileHold(FileStream stream) : IDisposable
{
    /// <summary>Held by the app while it runs. Many instances may hold it at once.</summary>
    public static DatabaseFileHold Shared(string file) =>
        new(new FileStream(file, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));

    /// <summary>Held by `restore` while it replaces the file; null while an app holds the file.</summary>
    public static DatabaseFileHold? TryExclusive(string file)
    {
        try
        {
            return new(new FileStream(file, FileMode.OpenOrCreate, FileAccess.Read, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => stream.Dispose();
}
