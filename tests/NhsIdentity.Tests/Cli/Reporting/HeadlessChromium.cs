using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace NhsIdentity.Tests.Cli.Reporting;

/// <summary>
/// A headless Chromium driven over the DevTools protocol with nothing but the BCL: the browser is started with
/// <c>--remote-debugging-port=0</c>, its port is read from <c>DevToolsActivePort</c> in a throw-away profile, and one
/// page is driven through a <see cref="ClientWebSocket"/>. Every wait is bounded, and disposing always kills the
/// browser (and its children) and deletes the profile.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    /// <summary>Where Debian's <c>chromium</c> package installs the browser.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly DirectoryInfo profile;
    private readonly ClientWebSocket socket = new();
    private readonly List<string> errors = [];
    private readonly CancellationTokenSource lifetime = new(TimeSpan.FromMinutes(3));
    private int nextId;

    private HeadlessChromium(Process process, DirectoryInfo profile)
    {
        this.process = process;
        this.profile = profile;
    }

    /// <summary>Why browser tests are skipped here, or null when Chromium is installed.</summary>
    public static string? SkipReason => File.Exists(ExecutablePath)
        ? null
        : "headless Chromium not found at /usr/bin/chromium: install Debian's chromium package (apt-get install -y chromium) to run the report's browser tests";

    /// <summary>Console errors, uncaught exceptions and browser log errors seen so far.</summary>
    public IReadOnlyList<string> Errors => errors;

    /// <summary>Starts the browser with a window of the given size and connects to its page.</summary>
    public static async Task<HeadlessChromium> StartAsync(int width, int height)
    {
        var profile = Directory.CreateTempSubdirectory("nhsid-chromium-");
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
            "--user-data-dir=" + profile.FullName, "--remote-debugging-port=0",
            string.Create(CultureInfo.InvariantCulture, $"--window-size={width},{height}"), "about:blank"])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var browser = new HeadlessChromium(process, profile);
        try
        {
            await browser.ConnectAsync();
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    private async Task ConnectAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(lifetime.Token);
        timeout.CancelAfter(StartTimeout);
        var portFile = Path.Combine(profile.FullName, "DevToolsActivePort");
        string[] lines = [];
        while (lines.Length < 2)
        {
            Assert.False(process.HasExited, "chromium exited while starting");
            await Task.Delay(50, timeout.Token);
            try
            {
                lines = File.Exists(portFile) ? await File.ReadAllLinesAsync(portFile, timeout.Token) : [];
            }
            catch (IOException)
            {
                lines = []; // being written
            }
        }

        var port = int.Parse(lines[0], CultureInfo.InvariantCulture);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        string? pageSocket = null;
        while (pageSocket is null)
        {
            var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list"), timeout.Token))!.AsArray();
            foreach (var target in targets)
            {
                if ((string?)target!["type"] == "page")
                {
                    pageSocket = (string?)target["webSocketDebuggerUrl"];
                    break;
                }
            }

            if (pageSocket is null)
            {
                await Task.Delay(50, timeout.Token);
            }
        }

        await socket.ConnectAsync(new Uri(pageSocket), timeout.Token);
        await SendAsync("Runtime.enable");
        await SendAsync("Log.enable");
        await SendAsync("Page.enable");
    }

    /// <summary>Opens a page and waits (bounded) for its load event.</summary>
    public async Task NavigateAsync(string url)
    {
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        await WaitForEventAsync("Page.loadEventFired", TimeSpan.FromSeconds(30));
    }

    /// <summary>Evaluates an expression in the page and returns its value as JSON.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        Assert.False(result.TryGetProperty("exceptionDetails", out var exception), "evaluation threw: " + exception);
        return result.GetProperty("result").GetProperty("value").Clone();
    }

    /// <summary>Sends a command and waits (bounded) for its reply, recording any events that arrive meanwhile.</summary>
    public async Task<JsonElement> SendAsync(string method, JsonObject? parameters = null)
    {
        var id = ++nextId;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(lifetime.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        while (true)
        {
            using var reply = await ReceiveAsync(timeout.Token);
            var root = reply.RootElement;
            if (root.TryGetProperty("id", out var replyId) && replyId.GetInt32() == id)
            {
                Assert.False(root.TryGetProperty("error", out var error), method + " failed: " + error);
                return root.GetProperty("result").Clone();
            }
        }
    }

    private async Task WaitForEventAsync(string method, TimeSpan limit)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(lifetime.Token);
        timeout.CancelAfter(limit);
        while (true)
        {
            using var message = await ReceiveAsync(timeout.Token);
            if (message.RootElement.TryGetProperty("method", out var name) && name.GetString() == method)
            {
                return;
            }
        }
    }

    /// <summary>Reads one whole message; events are checked for errors on the way.</summary>
    private async Task<JsonDocument> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(buffer, cancellationToken);
            Assert.NotEqual(WebSocketMessageType.Close, received.MessageType);
            text.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);

        var document = JsonDocument.Parse(text.ToArray());
        RecordError(document.RootElement);
        return document;
    }

    private void RecordError(JsonElement message)
    {
        if (!message.TryGetProperty("method", out var method))
        {
            return;
        }

        var parameters = message.GetProperty("params");
        switch (method.GetString())
        {
            case "Runtime.exceptionThrown":
                errors.Add("exception: " + parameters.GetProperty("exceptionDetails"));
                break;
            case "Runtime.consoleAPICalled" when parameters.GetProperty("type").GetString() is "error" or "assert":
                errors.Add("console." + parameters.GetProperty("type").GetString() + ": " + parameters.GetProperty("args"));
                break;
            case "Log.entryAdded" when parameters.GetProperty("entry").GetProperty("level").GetString() == "error":
                errors.Add("log: " + parameters.GetProperty("entry"));
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, quick.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            // The browser is killed next anyway.
        }
        finally
        {
            socket.Dispose();
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit(10_000);
            process.Dispose();
            lifetime.Dispose();
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a dying child process: the temp folder is harmless.
            }
        }
    }
}

/// <summary>A fact that needs headless Chromium; skipped with a clear message when it is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
