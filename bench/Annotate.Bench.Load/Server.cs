namespace Annotate.Bench.Load;

/// <summary>A server under test: where it listens and its process, whose memory is read from /proc.</summary>
internal sealed record Server(string Name, Uri Url, int ProcessId)
{
    /// <summary>Resident memory (VmRSS) of the process, in bytes.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{ProcessId}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]) * 1024;
        throw new InvalidOperationException($"No VmRSS for process {ProcessId} ({Name}).");
    }

    /// <summary>CPU time the process has used, user and system, in milliseconds (/proc/PID/stat; clock ticks of 10 ms).</summary>
    public double CpuMilliseconds()
    {
        var fields = File.ReadAllText($"/proc/{ProcessId}/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[11]) + long.Parse(fields[12])) * 10.0;
    }

    public async Task WaitUntilHealthyAsync(HttpClient http)
    {
        var until = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            try
            {
                if ((await http.GetAsync(new Uri(Url, "health"))).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < until)
            {
                // Still starting.
            }
            if (DateTime.UtcNow > until) throw new TimeoutException($"{Name} at {Url} did not become healthy in 120 s.");
            await Task.Delay(250);
        }
    }
}
