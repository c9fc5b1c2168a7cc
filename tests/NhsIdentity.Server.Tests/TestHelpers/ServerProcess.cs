using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace NhsIdentity.Server.Tests.TestHelpers;

/// <summary>
/// The built service (<c>NhsIdentity.Server.dll</c>, the same <c>ServerApp</c> that <c>nhsid serve</c> hosts) run as a
/// child process on 127.0.0.1, port 0, so it can be killed with SIGKILL as a crash would kill it, or stopped with
/// SIGTERM as an orchestrator stops it.
/// </summary>
/// <remarks>
/// Synchronisation is by what the child prints and answers, never by sleeping: the port comes from the host's
/// "Now listening on" line, readiness from polling <c>/health/ready</c> and then the loader's "Index ready" line. The one time limit, <see cref="HangGuard"/>,
/// fails a child that never gets ready or never ends instead of hanging the suite; it is far beyond any load.
/// </remarks>
internal sealed partial class ServerProcess : IDisposable
{
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(5);

    private const string ServerDll = "NhsIdentity.Server.dll";

    /// <summary>Kept beyond the interesting lines, for a failure's message (the audit log is one line per request).</summary>
    private const int TailLines = 40;

    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _indexReadyLogged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<string> _tail = new();
    private readonly List<string> _notable = [];

    private ServerProcess(Process process) => _process = process;

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The process id (for its memory in <c>/proc</c>).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Where the service listens, once <see cref="StartAsync"/> has returned.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Whether this start built its index from the snapshot (the loader's "started from its snapshot" line).</summary>
    public bool StartedFromSnapshot => Notable.Any(line => line.Contains("Index started from its snapshot", StringComparison.Ordinal));

    /// <summary>Whether a snapshot was present and refused (the loader's warning).</summary>
    public bool SnapshotRefused => Notable.Any(line => line.Contains("snapshot was not used", StringComparison.Ordinal));

    private IReadOnlyList<string> Notable
    {
        get
        {
            lock (_notable)
            {
                return [.. _notable];
            }
        }
    }

    /// <summary>The built service: beside this test assembly (the project reference copies it, with its runtime
    /// configuration), else in the server project's own output for this configuration; null when neither is there.</summary>
    public static string? Locate()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, ServerDll);
        if (File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json")))
        {
            return beside;
        }

        // bin/<Configuration>/<framework>/ of the test project: the same configuration and framework in the server's.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent;
        for (var folder = framework; folder is not null && configuration is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NhsIdentity.sln")))
            {
                var built = Path.Combine(folder.FullName, "src", "NhsIdentity.Server", "bin", configuration.Name, framework.Name, ServerDll);
                return File.Exists(built) && File.Exists(Path.ChangeExtension(built, ".runtimeconfig.json")) ? built : null;
            }
        }

        return null;
    }

    /// <summary>Why these tests cannot start the service here, or null when they can.</summary>
    public static string? SkipReason => Locate() is null
        ? $"The built service ({ServerDll}) was found neither beside the tests ({AppContext.BaseDirectory}) nor in src/NhsIdentity.Server/bin: build the solution first"
        : null;

    /// <summary>Starts the service with these <c>NhsIdentity:*</c> settings (as environment variables, so a connection
    /// string or key never appears in the process list) and waits until it listens and its index is ready.</summary>
    /// <param name="settings">The <c>NhsIdentity:*</c> settings.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <param name="environment">Other environment variables (a cluster's connection string, a GC heap limit).</param>
    public static async Task<ServerProcess> StartAsync(
        IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = Locate() ?? throw new InvalidOperationException(SkipReason);
        // Through env --default-signal: a test host started in the background by a non-interactive shell ignores
        // SIGINT, and the child would inherit that.
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var argument in (string[])["--default-signal=INT,TERM", DotnetHost(), dll, "--urls", "http://127.0.0.1:0"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // The port is read from the host's lifetime line and the start kind from the loader's: both at Information,
        // whatever an appsettings file beside the service says.
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        start.Environment["Logging__LogLevel__NhsIdentity.Server.Hosting.IndexLoader"] = "Information";
        start.Environment["Logging__LogLevel__NhsIdentity.Server.Cluster.ClusterIndexLoader"] = "Information";
        foreach (var (key, value) in settings)
        {
            start.Environment["NhsIdentity__" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var server = new ServerProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        server._process.OutputDataReceived += (_, e) => server.Read(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Read(e.Data);
        server._process.Exited += (_, _) =>
        {
            server._listening.TrySetException(new InvalidOperationException("The service ended before it listened."));
            server._indexReadyLogged.TrySetException(new InvalidOperationException("The service ended before it logged its index ready."));
        };
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            server.Address = await server._listening.Task.WaitAsync(cancellationToken);
            await server.WaitUntilReadyAsync(cancellationToken);
            // /health/ready turns ready a moment before the loader logs how it started (the snapshot line, then
            // "Index ready"), and the console logger writes from a queue: wait for the last of those lines.
            await server._indexReadyLogged.Task.WaitAsync(cancellationToken);
            return server;
        }
        catch (Exception failure) when (failure is InvalidOperationException or OperationCanceledException or HttpRequestException)
        {
            server.Dispose();
            throw new InvalidOperationException($"The service did not get ready ({failure.GetType().Name}: {failure.Message}). Its last lines:\n{server.Tail()}", failure);
        }
    }

    /// <summary>A client with the API key, its own connections, and no timeout below the hang guard.</summary>
    public HttpClient Client(string apiKey)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = Address, Timeout = HangGuard };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>SIGKILL, as a crash or an OOM killer ends the process: no stopping code runs, no snapshot is saved.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        WaitForExit();
    }

    /// <summary>SIGTERM, as an orchestrator stops the service: the host drains and saves the index snapshot.</summary>
    /// <returns>The exit code.</returns>
    public int Stop()
    {
        var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        kill.WaitForExit();
        WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>The last lines the service printed, for a failure's message (request lines carry ids, never values).</summary>
    public string Tail()
    {
        lock (_tail)
        {
            return string.Join('\n', Notable.Concat(_tail));
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
    }

    private void WaitForExit()
    {
        if (!_process.WaitForExit(HangGuard))
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail("hang guard: the service did not end. Its last lines:\n" + Tail());
        }

        _process.WaitForExit(); // the output readers finish
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = HangGuard };
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service ended with exit code {_process.ExitCode} before it was ready.");
            }

            using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
            if (ready.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            var body = await ready.Content.ReadAsStringAsync(cancellationToken);
            if (body.Contains("failed", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The service's index failed to load.");
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (ListeningLine().Match(line) is { Success: true } listening)
        {
            _listening.TrySetResult(new Uri(listening.Groups[1].Value));
        }

        if (line.Contains("snapshot", StringComparison.OrdinalIgnoreCase) || line.Contains("Index ready", StringComparison.Ordinal))
        {
            lock (_notable)
            {
                _notable.Add(line);
            }

            if (line.Contains("Index ready:", StringComparison.Ordinal))
            {
                _indexReadyLogged.TrySetResult();
            }
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
