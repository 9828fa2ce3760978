// Write throughput of the app next to what SQLite alone does on the same machine (issue 12).
//
//   raw --db FILE [--writers 20] [--count 10000] [--synchronous FULL|NORMAL]
//       the baseline: bare Microsoft.Data.Sqlite inserts, one per transaction, from N connections at once
//   api --url http://127.0.0.1:5097 --text FILE [--writers 20] [--count 10000] [--warmup 400] [--replies 1|0] [--acknowledged FILE] [--pid APP_PID]
//       N members of one seminar post annotations to one document through the HTTP API at once; then
//       checks that every 201 is in the collection; a quarter of the posts reply to the writer's own threads unless --replies 0. --pid: report the app's CPU time per write. --acknowledged appends each 201's id to FILE as it comes (crash test).
//
// bench/write-load.sh runs both against a fresh app; bench/crash-writes.sh kills the app during the api load.
using System.Globalization;
using Annotate.WriteLoad;

var options = Options(args.Skip(1));
int Number(string name, int fallback) => options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
var writers = Number("writers", 20);
var count = Number("count", 10_000);

switch (args.FirstOrDefault())
{
    case "raw":
        Console.WriteLine(await RawWriters.RunAsync(options["db"], writers, count, options.GetValueOrDefault("synchronous", "FULL")));
        return 0;
    case "api":
        var load = new ApiWriters(new Uri(options["url"]), options["text"], replies: Number("replies", 1) != 0);
        var scene = await load.SetUpAsync(writers);
        if (Number("warmup", 400) is > 0 and var warmup) Console.WriteLine((await load.WriteAsync(scene, warmup, "warm-up")).Report);
        await using (var log = options.TryGetValue("acknowledged", out var file) ? new StreamWriter(file, append: true) : null)
        {
            var (report, acknowledged) = await load.WriteAsync(scene, count, $"API writes, {writers} writers", log, options.ContainsKey("pid") ? Number("pid", 0) : null);
            Console.WriteLine(report);
            Console.WriteLine($"acknowledged and not in the collection: {await load.CountLostAsync(scene, acknowledged)}");
        }
        return 0;
    default:
        Console.Error.WriteLine("usage: raw --db FILE ... | api --url URL --text FILE ... (see Program.cs)");
        return 2;
}

static Dictionary<string, string> Options(IEnumerable<string> args)
{
    var options = new Dictionary<string, string>();
    string? name = null;
    foreach (var arg in args)
    {
        if (arg.StartsWith("--", StringComparison.Ordinal)) name = arg[2..];
        else if (name is not null) { options[name] = arg; name = null; }
    }
    return options;
}
