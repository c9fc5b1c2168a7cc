using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Cli.Outputs;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.TestHelpers;
using static NhsIdentity.Tests.Reliability.OutputTargetTests;

namespace NhsIdentity.Tests.Reliability;

/// <summary>
/// A run's outputs are committed as a set (issue 14, item 5): a failure could leave a new <c>links.csv</c> beside an old
/// <c>clusters.csv</c>, looking like one run. Now the targets end all old or all new, and no temporary file or backup
/// is left on any path.
/// </summary>
public sealed class OutputSetTests : IDisposable
{
    private static readonly string Pas = RepositoryRoot.Combine("samples", "data", "pas.csv");
    private static readonly string Gp = RepositoryRoot.Combine("samples", "data", "gp.csv");
    private readonly TempCsv _temp = new();

    [Fact]
    public void A_rename_failing_after_two_have_succeeded_puts_both_old_files_back()
    {
        var links = Target("links.csv", "old links");
        var clusters = Target("clusters.csv", "old clusters");
        var report = Target("report.html", old: null);
        var staged = new[] { Stage("--out", links, "new links"), Stage("--clusters", clusters, "new clusters"), Stage("--report", report, "new report") };
        File.Delete(staged[2].TemporaryPath); // the injected failure: the third rename finds nothing to rename

        var failure = Assert.Throws<OutputWriteException>(() => OutputSet.CommitAll(staged));

        Assert.Equal("--report", failure.Output);
        Assert.Equal("old links", File.ReadAllText(links));
        Assert.Equal("old clusters", File.ReadAllText(clusters));
        Assert.False(File.Exists(report));
        Assert.Empty(HiddenFiles(_temp.Folder));
    }

    [Fact]
    public void A_folder_at_a_target_stops_the_commit_before_anything_moves()
    {
        var links = Target("links.csv", "old links");
        var clusters = Directory.CreateDirectory(_temp.PathOf("clusters.csv")).FullName; // appeared after the guard ran
        var staged = new[] { Stage("--out", links, "new links"), Stage("--clusters", clusters, "new clusters") };

        var failure = Assert.Throws<OutputWriteException>(() => OutputSet.CommitAll(staged));

        Assert.Equal("--clusters could not be written: it is a folder, not a file; no output file was changed.", failure.Message);
        Assert.Equal("old links", File.ReadAllText(links));
        Assert.Empty(HiddenFiles(_temp.Folder));
    }

    [Fact]
    public void A_committed_set_replaces_every_target_and_keeps_no_backup()
    {
        var links = Target("links.csv", "old links");
        var clusters = Target("clusters.csv", old: null);

        OutputSet.CommitAll([Stage("--out", links, "new links"), Stage("--clusters", clusters, "new clusters")]);

        Assert.Equal("new links", File.ReadAllText(links));
        Assert.Equal("new clusters", File.ReadAllText(clusters));
        Assert.Empty(HiddenFiles(_temp.Folder));
    }

    /// <summary>Any number of outputs, any of them with an old file, a failure injected at any rename or none: the
    /// targets are all new or all old, and nothing hidden is left.</summary>
    [Property(MaxTest = 60)]
    public Property Targets_end_all_old_or_all_new() =>
        Prop.ForAll(
            Gen.Choose(1, 5).SelectMany(count => Gen.Zip(Gen.ArrayOf(ArbMap.Default.GeneratorFor<bool>(), count), Gen.Choose(0, count))).ToArbitrary(),
            ((bool[] HasOld, int FailAt) run) =>
            {
                using var folder = new TempCsv();
                var staged = new StagedOutput[run.HasOld.Length];
                for (var i = 0; i < staged.Length; i++)
                {
                    var target = Path.Combine(folder.Folder, $"out{i}.csv");
                    if (run.HasOld[i])
                    {
                        File.WriteAllText(target, "old " + i);
                    }

                    staged[i] = StageIn(folder.Folder, "--out" + i, target, "new " + i);
                }

                var fails = run.FailAt < staged.Length;
                if (fails)
                {
                    File.Delete(staged[run.FailAt].TemporaryPath);
                }

                var threw = Record.Exception(() => OutputSet.CommitAll(staged)) is OutputWriteException;
                var contents = staged.Select((output, i) => File.Exists(output.TargetPath) ? File.ReadAllText(output.TargetPath) : null).ToArray();
                var allNew = contents.Select((text, i) => text == "new " + i).All(same => same);
                var allOld = contents.Select((text, i) => text == (run.HasOld[i] ? "old " + i : null)).All(same => same);
                return threw == fails && (fails ? allOld : allNew) && HiddenFiles(folder.Folder).Length == 0;
            });

    [LinuxFact]
    public void A_second_output_that_fails_at_commit_leaves_the_first_as_it_was()
    {
        var links = Target("links.csv", "old links");
        var clusters = Target("clusters.csv", "old clusters");
        using var child = NhsidProcess.Start(["link", Pas, Gp, "--no-train", "--out", links, "--clusters", clusters], pauseBeforeCommit: true);
        Assert.True(child.WaitForLine(OutputSet.PausedMarker), "nhsid ended without pausing before its commit: " + child.Error);

        // Both outputs are complete in their temporary files; now --clusters becomes a folder, as if made meanwhile.
        File.Delete(clusters);
        Directory.CreateDirectory(clusters);
        child.Resume();
        var exitCode = child.WaitForExit();

        Assert.True(exitCode == 1, $"exit {exitCode}: {child.Error}");
        Assert.Contains("error: --clusters could not be written: it is a folder, not a file; no output file was changed.", child.Error, StringComparison.Ordinal);
        Assert.Equal("old links", File.ReadAllText(links));
        Assert.Empty(HiddenFiles(_temp.Folder));
    }

    public void Dispose() => _temp.Dispose();

    private static StagedOutput StageIn(string folder, string name, string target, string content)
    {
        var temporary = OutputSet.HiddenSibling(target, "tmp");
        File.WriteAllText(temporary, content);
        return new StagedOutput(name, temporary, target);
    }

    private string Target(string name, string? old) => old is null ? _temp.PathOf(name) : _temp.Write(name, old);

    private StagedOutput Stage(string name, string target, string content) => StageIn(_temp.Folder, name, target, content);
}
