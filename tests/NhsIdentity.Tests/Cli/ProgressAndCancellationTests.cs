using NhsIdentity.Cli;
using NhsIdentity.Cli.Commands;
using NhsIdentity.Matching.Training;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.TestHelpers;
using Spectre.Console;

namespace NhsIdentity.Tests.Cli;

/// <summary>Progress bars for long commands (issue 5 §2) and clean cancellation (Ctrl+C cancels the same token).</summary>
public sealed class ProgressAndCancellationTests : IDisposable
{
    private static readonly string Pas = RepositoryRoot.Combine("samples", "data", "pas.csv");
    private static readonly string Gp = RepositoryRoot.Combine("samples", "data", "gp.csv");
    private readonly TempCsv _temp = new();

    public void Dispose() => _temp.Dispose();

    private static (IAnsiConsole Console, StringWriter Text) TerminalLike()
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(text),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
        });
        return (console, text);
    }

    [Fact]
    public void A_terminal_gets_a_bar_per_stage_and_the_summary_after_them()
    {
        var (console, drawn) = TerminalLike();
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = CliApp.Run(["link", Pas, Gp, "--out", _temp.PathOf("links.csv")], null, output, error, console);

        Assert.Equal(0, exit);
        var bars = drawn.ToString();
        Assert.Contains("reading and preparing pas.csv", bars, StringComparison.Ordinal);
        Assert.Contains("reading and preparing gp.csv", bars, StringComparison.Ordinal);
        Assert.Contains("training the model", bars, StringComparison.Ordinal);
        Assert.Contains("weighing competition among candidates", bars, StringComparison.Ordinal); // a linkage's last training step
        Assert.Contains("blocking and scoring pairs", bars, StringComparison.Ordinal);
        Assert.Contains("1,584 / 1,584", bars, StringComparison.Ordinal); // PAS records read, with their count

        // The summary lines still come, after the bars, and neither holds patient data from the extracts.
        Assert.Contains("left: pas.csv: 1584 rows, 1584 accepted, 0 rejected", error.ToString(), StringComparison.Ordinal);
        var firstPasRow = File.ReadLines(Pas).Skip(1).First().Split(',');
        Assert.DoesNotContain(firstPasRow[3], bars, StringComparison.OrdinalIgnoreCase); // the family name
        Assert.DoesNotContain(firstPasRow[1], bars, StringComparison.Ordinal);           // the NHS number
    }

    [Fact]
    public void Quiet_draws_nothing_and_changes_no_output()
    {
        var (console, drawn) = TerminalLike();
        var error = new StringWriter();

        var exit = CliApp.Run(["link", Pas, Gp, "--out", _temp.PathOf("quiet.csv"), "--quiet"], null, new StringWriter(), error, console);
        var plain = CliRunner.Run("link", Pas, Gp, "--out", _temp.PathOf("plain.csv"));

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, drawn.ToString());
        Assert.Equal(File.ReadAllBytes(_temp.PathOf("plain.csv")), File.ReadAllBytes(_temp.PathOf("quiet.csv")));
        Assert.Equal(plain.Error, error.ToString());
    }

    [Fact]
    public void Training_s_bar_keeps_a_step_for_weighing_a_linkage_s_competition_after_the_rules()
    {
        // Weighing competition scores every candidate pair: the bar must not sit full (or go back) while it runs.
        const int Rules = 2, MaxIterations = 25;
        var lastRule = LinkCommand.TrainingPosition(new TrainingProgress(TrainingStage.ExpectationMaximisation, Rules - 1, Rules, MaxIterations, MaxIterations), linkage: true);
        var competition = LinkCommand.TrainingPosition(new TrainingProgress(TrainingStage.WeighingCompetition, 0, Rules, 0, MaxIterations), linkage: true);
        Assert.Equal(lastRule.Total, competition.Total);
        Assert.True(competition.Done >= lastRule.Done, $"{competition} after {lastRule}");
        Assert.True(competition.Done < competition.Total, competition.ToString());

        // A deduplication has no such step: its last rule fills the bar.
        var dedupeLastRule = LinkCommand.TrainingPosition(new TrainingProgress(TrainingStage.ExpectationMaximisation, Rules - 1, Rules, MaxIterations, MaxIterations), linkage: false);
        Assert.Equal(dedupeLastRule.Total, dedupeLastRule.Done);
    }

    [Theory]
    [InlineData("link")]
    [InlineData("dedupe")]
    [InlineData("train")]
    public void A_cancelled_command_says_so_exits_130_and_leaves_no_output(string command)
    {
        var output = _temp.PathOf("out");
        string[] args = command switch
        {
            "link" => ["link", Pas, Gp, "--out", output, "--clusters", output + ".clusters"],
            "dedupe" => ["dedupe", Pas, "--out", output, "--clusters", output + ".clusters"],
            _ => ["train", Pas, "--model-out", output],
        };
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var error = new StringWriter();

        var exit = CliApp.Run(args, null, new StringWriter(), error, progressConsole: null, cancelled.Token);

        Assert.Equal(130, exit);
        Assert.Contains("cancelled", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_temp.Folder)); // no output, no clusters, no temporary file
    }
}
