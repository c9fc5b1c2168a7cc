using System.Diagnostics;
using System.Globalization;

namespace NhsIdentity.ServiceLoad;

/// <summary>An <c>nhsid serve</c> child process on a free loopback port, timed from process start to
/// <c>/health/ready</c> answering 200.</summary>
internal sealed class ServerProcess : IDisposable
{
    private const string Listening = "listening on ";
    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _log = [];

    private ServerProcess(Process process, bool fhirFastPath)
    {
        _process = process;
        FhirFastPath = fhirFastPath;
    }

    /// <summary>Whether the service was started with its fast <c>$match</c> path on (its default).</summary>
    public bool FhirFastPath { get; }

    public Uri Address => _address.Task.Result;

    /// <summary>Seconds from <see cref="Process.Start()"/> to the first 200 from <c>/health/ready</c>.</summary>
    public double ReadySeconds { get; private set; }

    /// <summary>The child's standard error and log lines (counts and timings; the service logs no patient values).</summary>
    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_log)
            {
                return [.. _log];
            }
        }
    }

    public int ProcessId => _process.Id;

    /// <summary>The service process's CPU time so far (user and system).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>Starts <paramref name="nhsid"/> (the tool's executable, or its .dll run with dotnet) and waits until
    /// the index is ready.</summary>
    public static async Task<ServerProcess> StartAsync(string nhsid, string dataPath, string apiKeyFile, TimeSpan timeout, bool auditLog, bool fhirFastPath = true)
    {
        var info = nhsid.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new ProcessStartInfo("dotnet") { ArgumentList = { nhsid } }
            : new ProcessStartInfo(nhsid);
        foreach (var argument in new[] { "serve", "--data", dataPath, "--urls", "http://127.0.0.1:0", "--api-key-file", apiKeyFile })
        {
            info.ArgumentList.Add(argument);
        }

        info.RedirectStandardError = true;
        info.RedirectStandardOutput = true;
        info.UseShellExecute = false;
        // The audit log writes a line per request to standard output: at thousands of lookups a second the console
        // logger would be measured too. Warnings and above only unless asked (--audit-log); the loader's lines stay.
        if (!auditLog)
        {
            info.Environment["Logging__LogLevel__Default"] = "Warning";
        }

        info.Environment["Logging__LogLevel__NhsIdentity.Server.Hosting.IndexLoader"] = "Information";
        // Off: every $match through the Firely SDK, as before the fast path (the "fhir-sdk" endpoint's rows).
        info.Environment["NhsIdentity__FhirFastPath"] = fhirFastPath ? "true" : "false";

        var clock = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("nhsid did not start.");
        var server = new ServerProcess(process, fhirFastPath);
        process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
        process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var address = await server._address.Task.WaitAsync(timeout).ConfigureAwait(false);
        using var client = new HttpClient { BaseAddress = address };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("nhsid serve ended before it was ready: " + string.Join(" | ", server.Log));
            }

            try
            {
                using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative)).ConfigureAwait(false);
                if (ready.IsSuccessStatusCode)
                {
                    server.ReadySeconds = clock.Elapsed.TotalSeconds;
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException("nhsid serve was not ready in time.");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the service with SIGTERM (as a container runtime would; a background job ignores SIGINT), so it
    /// saves its index snapshot; seconds to exit.</summary>
    public double Stop()
    {
        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        if (!_process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            _process.Kill();
        }

        _process.WaitForExit();
        return clock.Elapsed.TotalSeconds;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Add(line);
        }

        if (line.StartsWith(Listening, StringComparison.Ordinal))
        {
            _address.TrySetResult(new Uri(line[Listening.Length..].Trim().Split(' ')[0]));
        }
    }
}
