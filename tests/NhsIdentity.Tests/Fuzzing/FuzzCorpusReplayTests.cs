using NhsIdentity.Fuzzing;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Fuzzing;

/// <summary>
/// Runs the committed fuzz corpus (tests/NhsIdentity.Fuzz/corpus/&lt;target&gt;) through every target in replay
/// mode, so the ordinary test run exercises the harness and its invariants without libFuzzer (issue 6 §4). A crash
/// found by a libFuzzer run is added to the corpus folder of its target and so becomes a regression test here.
/// </summary>
public sealed class FuzzCorpusReplayTests
{
    private static string CorpusRoot => RepositoryRoot.Combine("tests", "NhsIdentity.Fuzz", "corpus");

    public static TheoryData<string> Targets => [.. FuzzTargets.Names];

    [Theory]
    [MemberData(nameof(Targets))]
    public void The_committed_corpus_replays_through_the_target_without_a_crash(string name)
    {
        Assert.True(FuzzTargets.TryGet(name, out var target));

        var count = Replay.Run(target, [Path.Combine(CorpusRoot, name)]);

        // Each target has a seed corpus of a handful of files at least (README.md of the harness lists them).
        Assert.True(count >= 5, $"{name}: only {count} corpus files");
    }

    [Fact]
    public void Every_corpus_folder_belongs_to_a_target_and_every_target_has_one()
    {
        var folders = Directory.GetDirectories(CorpusRoot).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(FuzzTargets.Names.Order(StringComparer.Ordinal), folders);
    }

    [Fact]
    public void Replay_reports_the_file_that_crashed_a_target()
    {
        // Guards the replay itself: a target that throws must fail the run and name the input file.
        var folder = Directory.CreateTempSubdirectory("nhsid-fuzz-replay-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "a-fine"), "fine");
            File.WriteAllText(Path.Combine(folder.FullName, "b-boom"), "boom");
            FuzzTarget target = static data =>
            {
                if (data.SequenceEqual("boom"u8))
                {
                    throw new InvalidOperationException("target failed");
                }
            };

            var failure = Assert.Throws<ReplayFailedException>(() => Replay.Run(target, [folder.FullName]));

            Assert.EndsWith("b-boom", failure.File, StringComparison.Ordinal);
            Assert.IsType<InvalidOperationException>(failure.InnerException);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Unknown_target_names_are_not_found()
    {
        Assert.False(FuzzTargets.TryGet("no-such-target", out var target));
        Assert.Null(target);
    }
}
