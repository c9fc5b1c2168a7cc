using NhsIdentity.Cli.Outputs;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.TestHelpers;
using static NhsIdentity.Tests.Reliability.OutputTargetTests;

namespace NhsIdentity.Tests.Reliability;

/// <summary>
/// Ctrl+C and SIGTERM (issue 14, item 6) killed the process instead of taking the documented cancellation path, and
/// left its temporary files. The built tool runs as a child process; the test waits for it to say where it is (the
/// pause hook's line, the acknowledgement of the signal) before acting, never for a time.
/// </summary>
public sealed class SignalTests : IDisposable
{
    private static readonly string Pas = RepositoryRoot.Combine("samples", "data", "pas.csv");
    private static readonly string Gp = RepositoryRoot.Combine("samples", "data", "gp.csv");
    private readonly TempCsv _temp = new();

    [LinuxTheory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public void A_signal_in_the_write_phase_cancels_removes_the_temporary_files_and_changes_no_output(string signal, int expectedExit)
    {
        var links = _temp.Write("links.csv", "old links\n");
        var clusters = _temp.Write("clusters.csv", "old clusters\n");
        using var child = NhsidProcess.Start(["link", Pas, Gp, "--no-train", "--out", links, "--clusters", clusters], pauseBeforeCommit: true);
        Assert.True(child.WaitForLine(OutputSet.PausedMarker), "nhsid ended without pausing before its commit: " + child.Error);
        Assert.Equal(2, HiddenFiles(_temp.Folder).Length); // inside the write phase: both outputs complete in temporary files

        child.Signal(signal);
        var exitCode = child.WaitForExit();

        Assert.True(exitCode == expectedExit, $"exit {exitCode}: {child.Error}");
        Assert.Contains($"cancelling (SIG{signal})", child.Error, StringComparison.Ordinal);
        Assert.Contains("cancelled: no output was written.", child.Error, StringComparison.Ordinal);
        Assert.Empty(HiddenFiles(_temp.Folder));
        Assert.Equal("old links\n", File.ReadAllText(links));
        Assert.Equal("old clusters\n", File.ReadAllText(clusters));
        Assert.Equal(["clusters.csv", "links.csv"], Directory.GetFiles(_temp.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    public void Dispose() => _temp.Dispose();
}
