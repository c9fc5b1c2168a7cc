using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using NhsIdentity.Ingestion;
using NhsIdentity.Matching;
using NhsIdentity.ServiceLoad;

// A bounded load test of the identity service over loopback (issue 16), with the in-process PatientIndex beside it as
// the baseline in the same run. See README.md in this folder; the committed figures are benchmarks/results/ServiceLoad.md.
LoadOptions? options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException)
{
    options = null;
}

if (options is null)
{
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

Say($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
Say("load before: " + LoadAverage());
var clock = Stopwatch.StartNew();
var queries = QuerySet.Read(options.QueriesCsv, options.QueryLimit, seed: 16);
Say($"queries: {queries.Count:N0} records of {Path.GetFileName(options.QueriesCsv)} ({clock.Elapsed.TotalSeconds:F1} s to read and serialise)");

var results = new List<LoadResult>();
var startupLines = new List<string>();
ServerProcess? server = null;
string? keyFile = null;
try
{
    Uri address;
    string apiKey;
    if (options.Url is not null)
    {
        address = new Uri(options.Url);
        apiKey = File.ReadAllText(options.ApiKeyFile!).Trim();
    }
    else
    {
        apiKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        keyFile = Path.Combine(Path.GetTempPath(), "serviceload-" + Guid.NewGuid().ToString("N") + ".key");
        File.WriteAllText(keyFile, apiKey);
        var snapshot = options.DataPath + ".index";
        if (options.Startup)
        {
            File.Delete(snapshot);
            using (var rebuilt = await StartAsync(options, keyFile).ConfigureAwait(false))
            {
                await Task.Delay(500).ConfigureAwait(false); // the loader's log lines can trail the ready answer
                startupLines.Add(Invariant($"start, no snapshot (rebuilt from the store): ready in {rebuilt.ReadySeconds:F2} s"));
                Report(rebuilt, startupLines);
                var stop = rebuilt.Stop();
                startupLines.Add(Invariant($"clean stop (writes the snapshot, {new FileInfo(snapshot).Length / 1048576.0:N0} MiB): {stop:F2} s"));
            }
        }

        server = await StartAsync(options, keyFile).ConfigureAwait(false);
        await Task.Delay(500).ConfigureAwait(false);
        startupLines.Add(Invariant($"start, {(File.Exists(snapshot) ? "with the snapshot" : "no snapshot")}: ready in {server.ReadySeconds:F2} s"));
        Report(server, startupLines);
        address = server.Address;
    }

    foreach (var line in startupLines)
    {
        Say(line);
    }

    if (options.Startup && server is not null)
    {
        // The service is up and idle: the steps of a snapshot start, one after another, in this process.
        Say("start from the snapshot, step by step in this process (seconds):");
        foreach (var line in StartupBreakdown.Measure(options.DataPath!))
        {
            Say(line);
        }
    }

    using var handler = new SocketsHttpHandler
    {
        // Keep-alive: one connection per client, reused for every request.
        MaxConnectionsPerServer = options.Clients.Max(),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
    };
    using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
    var fhirType = new MediaTypeHeaderValue("application/fhir+json");
    var jsonType = new MediaTypeHeaderValue("application/json");

    Func<TimeSpan>? serviceCpu = server is null ? null : () => server.CpuTime();
    foreach (var endpoint in options.Endpoints)
    {
        var fastPath = endpoint != "fhir-sdk";
        if (server is not null && server.FhirFastPath != fastPath)
        {
            // The same store, the same queries, the service restarted with the other $match path.
            Say(Invariant($"service stopped in {server.Stop():F2} s, to start it with NhsIdentity:FhirFastPath={fastPath}"));
            server.Dispose();
            server = null;
            server = await StartAsync(options, keyFile!, fastPath).ConfigureAwait(false);
            await Task.Delay(500).ConfigureAwait(false);
            Say(Invariant($"start, {(fastPath ? "fast path" : "SDK path")}: ready in {server.ReadySeconds:F2} s"));
            address = server.Address;
        }

        var (path, bodies, type) = endpoint == "json" ? ("/match", queries.JsonBodies, jsonType) : ("/fhir/Patient/$match", queries.FhirBodies, fhirType);
        var target = "service " + path + (fastPath ? "" : " (SDK path)");
        var uri = new Uri(address, path);
        async ValueTask<bool> LookupAsync(int client, int query)
        {
            using var content = new ByteArrayContent(bodies[query]);
            content.Headers.ContentType = type;
            using var response = await http.PostAsync(uri, content).ConfigureAwait(false);
            await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.OK;
        }

        var offset = 0;
        foreach (var clients in options.Clients)
        {
            results.Add(await MeasureAsync(target, clients, LookupAsync, dedicatedThreads: false, options, queries.Count, offset, serviceCpu: serviceCpu).ConfigureAwait(false));
            offset += options.MaxRequests; // each run starts on queries the last one did not send
            foreach (var rate in clients > 1 ? options.Rates : [])
            {
                results.Add(await MeasureAsync(target, clients, LookupAsync, dedicatedThreads: false, options, queries.Count, offset, rate, serviceCpu).ConfigureAwait(false));
                offset += options.MaxRequests;
            }
        }
    }

    if (server is not null)
    {
        Say(Invariant($"service stopped in {server.Stop():F2} s"));
        server.Dispose();
        server = null;
    }

    if (options.IndexCsv is not null)
    {
        clock.Restart();
        var read = PatientCsvReader.ReadFile(options.IndexCsv);
        var index = new PatientIndex(MatchModel.Default);
        foreach (var record in read.Records)
        {
            index.AddOrUpdate(record);
        }

        index.RefreshTermFrequencies();
        Say(Invariant($"in-process PatientIndex: {index.Count:N0} records of {Path.GetFileName(options.IndexCsv)} read and indexed in {clock.Elapsed.TotalSeconds:F1} s"));
        // How many candidates a lookup returns (of at most 10): each is a resource in a $match bundle.
        var sampled = Math.Min(5000, queries.Count);
        var candidates = 0L;
        for (var i = 0; i < sampled; i++)
        {
            candidates += index.FindMatches(queries.Records[i], 10).Count;
        }

        Say(Invariant($"candidates per lookup (first {sampled:N0} queries): {candidates / (double)sampled:F2} on average"));
        if (options.Startup)
        {
            Say(StartupBreakdown.TimeLoad(index));
        }

        Say("request path steps in this process, one thread, mean µs per query (the bundle step includes its lookup):");
        foreach (var line in RequestBreakdown.Measure(index, queries, 5000))
        {
            Say(line);
        }
        var offset = 0;
        foreach (var clients in options.Clients)
        {
            ValueTask<bool> Lookup(int client, int query) => ValueTask.FromResult(index.FindMatches(queries.Records[query], 10) is not null);
            results.Add(await MeasureAsync("in-process PatientIndex.FindMatches", clients, Lookup, dedicatedThreads: true, options, queries.Count, offset).ConfigureAwait(false));
            offset += options.MaxRequests;
            foreach (var rate in clients > 1 ? options.Rates : [])
            {
                results.Add(await MeasureAsync("in-process PatientIndex.FindMatches", clients, Lookup, dedicatedThreads: true, options, queries.Count, offset, rate).ConfigureAwait(false));
                offset += options.MaxRequests;
            }
        }
    }
}
finally
{
    server?.Dispose();
    if (keyFile is not null)
    {
        File.Delete(keyFile);
    }
}

Say("load after: " + LoadAverage());
Console.WriteLine();
Console.WriteLine(Invariant($"duration {options.Duration.TotalSeconds:F0} s or {options.MaxRequests:N0} requests per row, whichever ends first, after a {options.Warmup.TotalSeconds:F0} s warm-up; queries {queries.Count:N0}"));
Console.WriteLine(LoadResult.Header);
foreach (var result in results)
{
    Console.WriteLine(result.Row());
}

return results.Any(r => r.Errors > 0) ? 1 : 0;

static async Task<LoadResult> MeasureAsync(string target, int clients, LoadDriver.Lookup lookup, bool dedicatedThreads, LoadOptions options, int queryCount, int offset, double rate = 0, Func<TimeSpan>? serviceCpu = null)
{
    // Warm-up (JIT, connections, the index's per-thread scratch): the same clients, not recorded.
    await LoadDriver.RunAsync(target, clients, options.Warmup, options.MaxRequests, queryCount, offset + (queryCount / 2), lookup, dedicatedThreads, rate).ConfigureAwait(false);
    var result = await LoadDriver.RunAsync(target, clients, options.Duration, options.MaxRequests, queryCount, offset, lookup, dedicatedThreads, rate, serviceCpu).ConfigureAwait(false);
    Say(result.Row());
    return result;
}

static async Task<ServerProcess> StartAsync(LoadOptions options, string keyFile, bool fhirFastPath = true) =>
    await ServerProcess.StartAsync(options.Nhsid!, options.DataPath!, keyFile, TimeSpan.FromMinutes(10), options.AuditLog, fhirFastPath).ConfigureAwait(false);

static void Report(ServerProcess server, List<string> lines)
{
    foreach (var line in server.Log.Where(l => l.Contains("Index ", StringComparison.Ordinal) || l.StartsWith("ready:", StringComparison.Ordinal)))
    {
        lines.Add("  log: " + line.Trim());
    }
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

static void Say(string line) => Console.Error.WriteLine(DateTime.UtcNow.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " " + line);
