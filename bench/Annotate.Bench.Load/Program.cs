// The issue 12 load client, driven by bench/run.sh (see bench/README.md):
//   free-port                       prints a free loopback TCP port
//   run --annotate URL --annotate-pid PID --annotate-db FILE --bare URL --bare-pid PID --results FILE --work DIR [--quick]
//                                   measures hub fan-out, API writes and memory; appends rows to the results file
//   report --results FILE           prints the table of every row in the file (other measures add rows too)
using System.Net;
using System.Net.Sockets;
using Annotate.Bench.Load;

var command = args.FirstOrDefault();
string Option(string name) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? throw new ArgumentException($"{command} needs {name}.");

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
    case "report":
        Console.Write(Report.Table(new ResultsFile(Option("--results")).Read()));
        return 0;
    default:
        Console.Error.WriteLine("Usage: Annotate.Bench.Load free-port | run ... | report --results FILE (see bench/README.md)");
        return 2;
}
