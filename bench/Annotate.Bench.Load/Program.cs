// The issue 12 load client, driven by bench/run.sh (see bench/README.md):
//   free-port                       prints a free loopback TCP port
//   run --annotate URL --annotate-pid PID --annotate-db FILE --bare URL --bare-pid PID --results FILE --work DIR [--quick]
//                                   measures hub fan-out, API writes, memory, export and overview; appends rows to the
//                                   results file (bench/run.sh runs `search` on its own, after every other measure)
//   search --annotate URL --annotate-pid PID --results FILE [--quick] [--sizes N,N] [--rounds N]
//                                   the search measure (bench/search.sh, and bench/run.sh last), against a running Annotate
//   export --annotate URL --annotate-pid PID --results FILE [--quick] [--annotations N] [--rounds N]
//                                   only the export and overview measure, against a running Annotate
//   row --results FILE --measure TEXT --unit UNIT [--baseline N] [--annotate N] [--target TEXT]
//       [--ratio-at-most N] [--at-most N] [--at-least N]
//                                   adds one row, for measures outside this program (bench/measures/README.md)
//   report --results FILE           prints the table of every row in the file
//   scale --sqlite URL --sqlite-pid PID --a URL --a-pid PID --b URL --results FILE [--quick]
//                                   bench/scale.sh: fan-out and writes on one SQLite instance, one and two
//                                   instances on PostgreSQL + Redis; appends rows to the results file
//   scale-report --results FILE     prints the table of those rows
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Annotate.Bench.Load;

var command = args.FirstOrDefault();
string? Optional(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
string Option(string name) => Optional(name) ?? throw new ArgumentException($"{command} needs {name}.");
double? Number(string name) => Optional(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : null;

switch (command)
{
    case "free-port":
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            Console.WriteLine(((IPEndPoint)listener.LocalEndpoint).Port);
        }
        return 0;
    case "run":
        var settings = args.Contains("--quick") ? BenchSettings.Quick : BenchSettings.Full;
        var annotate = new Server("Annotate", new Uri(Option("--annotate")), int.Parse(Option("--annotate-pid")));
        var bare = new Server("bare SignalR server", new Uri(Option("--bare")), int.Parse(Option("--bare-pid")));
        await new Harness(settings, annotate, Option("--annotate-db"), bare, Option("--work"), new ResultsFile(Option("--results"))).RunAsync();
        return 0;
    case "search":
        var searchSettings = args.Contains("--quick") ? BenchSettings.Quick : BenchSettings.Full;
        var sizes = Optional("--sizes") is { } given ? given.Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray() : searchSettings.SearchSizes;
        using (var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) })
        {
            var server = new Server("Annotate", new Uri(Option("--annotate")), int.Parse(Option("--annotate-pid")));
            await server.WaitUntilHealthyAsync(http);
            await SearchMeasure.RunAsync(http, server, sizes, (int?)Number("--rounds") ?? searchSettings.SearchRounds, new ResultsFile(Option("--results")));
        }
        return 0;
    case "export":
        var exportSettings = args.Contains("--quick") ? BenchSettings.Quick : BenchSettings.Full;
        using (var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) })
        {
            var server = new Server("Annotate", new Uri(Option("--annotate")), int.Parse(Option("--annotate-pid")));
            await server.WaitUntilHealthyAsync(http);
            await ExportMeasure.RunAsync(http, server, (int?)Number("--annotations") ?? exportSettings.ExportAnnotations,
                (int?)Number("--rounds") ?? exportSettings.ExportRounds, new ResultsFile(Option("--results")));
        }
        return 0;
    case "row":
        new ResultsFile(Option("--results")).Add(new ResultRow(Option("--measure"), Optional("--unit") ?? "", Number("--baseline"), Number("--annotate"),
            Optional("--target") ?? "", Number("--ratio-at-most"), Number("--at-most"), Number("--at-least")));
        return 0;
    case "scale":
        var scaleSettings = args.Contains("--quick") ? ScaleSettings.Quick : ScaleSettings.Full;
        await new ScaleHarness(scaleSettings, new Server("Annotate on SQLite", new Uri(Option("--sqlite")), int.Parse(Option("--sqlite-pid"))),
            new Server("instance A", new Uri(Option("--a")), int.Parse(Option("--a-pid"))), new Uri(Option("--b")),
            new ScaleReport(Option("--results"))).RunAsync();
        return 0;
    case "scale-report":
        Console.Write(new ScaleReport(Option("--results")).Table());
        return 0;
    case "report":
        Console.Write(Report.Table(new ResultsFile(Option("--results")).Read()));
        return 0;
    default:
        Console.Error.WriteLine("Usage: Annotate.Bench.Load free-port | run ... | row ... | report --results FILE | scale ... | scale-report --results FILE (see bench/README.md)");
        return 2;
}
