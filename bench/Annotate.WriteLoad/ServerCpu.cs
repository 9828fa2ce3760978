namespace Annotate.WriteLoad;

/// <summary>
/// CPU time the app's process used (user + system, from /proc/PID/stat), so that a measure can say how
/// much work one write costs: on a machine shared with other work, a less noisy figure than the rate.
/// </summary>
internal static class ServerCpu
{
    public static TimeSpan? Used(int? pid)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/stat")) return null;
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name (which is in parentheses and may hold spaces): utime is the 14th field, stime the 15th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}
