using System.Globalization;

namespace NhsIdentity.ServiceLoad;

/// <summary>The command line (see README.md in this folder).</summary>
internal sealed class LoadOptions
{
    public string? Nhsid { get; private set; }

    public string? DataPath { get; private set; }

    public string? Url { get; private set; }

    public string? ApiKeyFile { get; private set; }

    public string? IndexCsv { get; private set; }

    public string QueriesCsv { get; private set; } = "";

    public int[] Clients { get; private set; } = [1, 8];

    public TimeSpan Duration { get; private set; } = TimeSpan.FromSeconds(20);

    public TimeSpan Warmup { get; private set; } = TimeSpan.FromSeconds(3);

    public int MaxRequests { get; private set; } = 200_000;

    public int QueryLimit { get; private set; } = 100_000;

    public string[] Endpoints { get; private set; } = ["fhir"];

    public bool Startup { get; private set; }

    public bool AuditLog { get; private set; }

    /// <summary>Paced runs: requests a second across the clients, each rate a row of its own for every client count
    /// above 1 (one client paced is one request in flight at a time: the unpaced row already says it).</summary>
    public double[] Rates { get; private set; } = [];

    public const string Usage = """
        usage: ServiceLoad --queries QUERIES.csv
                 (--nhsid PATH/nhsid --data mpi.db [--startup]  |  --url http://127.0.0.1:PORT --api-key-file FILE)
                 [--index INDEX.csv] [--clients 1,8] [--duration 20] [--warmup 3] [--max-requests 200000]
                 [--query-limit 100000] [--endpoint fhir,json] [--audit-log] [--rate 1000,2000]
          --nhsid      start `nhsid serve --data` as a child process on a free loopback port (one command runs it all)
          --startup    first time start-up both ways: the snapshot (<data>.index) removed (rebuilt from the store),
                       a clean stop (writes the snapshot), then started from the snapshot; the load runs on that one
          --index      the extract the store was loaded from: the in-process PatientIndex baseline is built from it
          --endpoint   fhir = POST /fhir/Patient/$match, json = POST /match, fhir-sdk = $match with the service
                       restarted with NhsIdentity:FhirFastPath=false (every body parsed and every bundle written by the
                       Firely SDK, as before the fast path), for a before/after in one run; not with --url
          --audit-log  leave the service's per-request audit log on (console); default: warnings only
          --rate       also run rows paced at these requests a second (latency at a given load, timed from when
                       each request was due), for client counts above 1; without it, only as fast as the clients go
        """;

    public static LoadOptions? Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(args[i] + " needs a value.");
            switch (args[i])
            {
                case "--nhsid": options.Nhsid = Next(); break;
                case "--data": options.DataPath = Next(); break;
                case "--url": options.Url = Next(); break;
                case "--api-key-file": options.ApiKeyFile = Next(); break;
                case "--index": options.IndexCsv = Next(); break;
                case "--queries": options.QueriesCsv = Next(); break;
                case "--clients": options.Clients = [.. Next().Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))]; break;
                case "--duration": options.Duration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case "--warmup": options.Warmup = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case "--max-requests": options.MaxRequests = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--query-limit": options.QueryLimit = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--endpoint": options.Endpoints = Next().Split(','); break;
                case "--startup": options.Startup = true; break;
                case "--audit-log": options.AuditLog = true; break;
                case "--rate": options.Rates = [.. Next().Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture))]; break;
                default: return null;
            }
        }

        var oneServer = (options.Nhsid is not null && options.DataPath is not null) ^ (options.Url is not null && options.ApiKeyFile is not null);
        return oneServer && options.QueriesCsv.Length > 0 && options.Endpoints.All(e => e is "fhir" or "fhir-sdk" or "json")
            && (options.Url is null || !options.Endpoints.Contains("fhir-sdk")) ? options : null;
    }
}
