using System.Text;
using NhsIdentity.Demographics;
using NhsIdentity.Matching;
using NhsIdentity.Tests.TestHelpers;
using NhsIdentity.Text;
using NhsIdentity.Text.Phonetics;
using NhsIdentity.Text.Similarity;
using Xunit;

namespace NhsIdentity.Tests;

/// <summary>
/// Keeps the README's examples true: the code between the markers below must be the README's C# blocks, in order,
/// and running it must give what the README's comments say.
/// </summary>
public class ReadmeTests
{
    [Theory]
    [InlineData(1, "// README example start\n", "        // README example end")]
    [InlineData(2, "// README example 2 start\n", "        // README example 2 end")]
    [InlineData(3, "// README example 3 start\n", "        // README example 3 end")]
    public void Readme_example_is_the_code_this_test_runs(int blockNumber, string startMarker, string endMarker)
    {
        var readme = File.ReadAllText(RepositoryRoot.Combine("README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var source = File.ReadAllText(RepositoryRoot.Combine("tests", "NhsIdentity.Tests", "ReadmeTests.cs"));

        var blockStart = -1;
        for (var i = 0; i < blockNumber; i++)
        {
            blockStart = readme.IndexOf("```csharp\n", blockStart + 1, StringComparison.Ordinal);
            Assert.True(blockStart >= 0, $"README has fewer than {blockNumber} C# blocks");
        }

        // The README's block opens with its using directives; the test file has them at its top.
        var readmeBlock = string.Join('\n', ReadmeSamples.Between(readme[blockStart..], "```csharp\n", "```").Split('\n')
            .Where(line => !(line.StartsWith("using ", StringComparison.Ordinal) && !line.Contains(" = ", StringComparison.Ordinal)))); // directives, not using declarations
        var testedBlock = ReadmeSamples.Between(source, startMarker, endMarker);

        Assert.Equal(Dedent(readmeBlock), Dedent(testedBlock));
    }

    [Fact]
    public void Readme_example_gives_the_results_its_comments_state()
    {
        Console.Lines.Clear();

        // README example start
        var status = NhsNumber.Validate("450 557 7105");          // NhsNumberStatus.CheckDigitMismatch
        if (NhsNumber.TryParse("4505577104", out var number))
        {
            Console.WriteLine(number);                            // 450 557 7104
            Console.WriteLine(number.ToString("M"));              // *** *** 7104  (for logs)
            Console.WriteLine(number.Region);                     // EnglandWalesIsleOfMan
        }
        var generator = new NhsNumberGenerator(seed: 42);         // 999 test range by default
        NhsNumber testNumber = generator.Next();
        // README example end

        Assert.Equal(NhsNumberStatus.CheckDigitMismatch, status);
        Assert.Equal(["450 557 7104", "*** *** 7104", "EnglandWalesIsleOfMan"], Console.Lines);
        Assert.True(testNumber.IsTestNumber);
    }

    [Fact]
    public void Readme_primitives_example_gives_the_results_its_comments_state()
    {
        Console.Lines.Clear();

        // README example 2 start
        var postcode = Postcode.Parse(" sw1a1aa ");
        Console.WriteLine(postcode);                                       // SW1A 1AA
        Console.WriteLine(postcode.ToString("S"));                         // SW1A 1   (the sector)
        Console.WriteLine(Postcode.Parse("ZZ99 3VZ").IsPseudo);            // True     (no fixed abode: missing)

        var dateOfBirth = DateOfBirth.Parse("05-Mar-1961");
        Console.WriteLine(dateOfBirth);                                    // 1961-03-05
        if (!DateOfBirth.TryParse("31/02/1961", DateOrder.DayMonthYear, out _, out var why))
            Console.WriteLine(why);                                        // InvalidDay
        Console.WriteLine(SexCodes.Parse("F"));                            // Female

        Console.WriteLine(PersonName.Normalize("Mrs Zoë O'Reilly-Kociński")); // ZOE OREILLY-KOCINSKI
        Console.WriteLine(NicknameTable.Default.AreEquivalent("BOB", "ROBERT")); // True
        Console.WriteLine(Math.Round(JaroWinkler.Similarity("MARTHA", "MARHTA"), 4)); // 0.9611
        Console.WriteLine(Soundex.Encode("Ashcroft"));                     // A261
        Console.WriteLine(DoubleMetaphone.Encode("Smith").Alternate);      // XMT
        // README example 2 end

        Assert.Equal(
            ["SW1A 1AA", "SW1A 1", "True", "1961-03-05", "InvalidDay", "Female", "ZOE OREILLY-KOCINSKI", "True", "0.9611", "A261", "XMT"],
            Console.Lines);
    }

    [Fact]
    public void Readme_matching_example_gives_the_results_its_comments_state()
    {
        Console.Lines.Clear();

        // README example 3 start
        var pas = new PatientRecord
        {
            Id = "PAS-1", NhsNumber = "999 000 0018", GivenNames = "Alice Mary", FamilyName = "Pemberton",
            DateOfBirth = "04/03/1987", Sex = "F", Postcode = "LS1 4AP", Address = "12 Acacia Avenue, Leeds",
        };
        var gp = new PatientRecord
        {
            Id = "GP-7", GivenNames = "ELSIE", FamilyName = "PEMBERTON", DateOfBirth = "1987-03-04",
            Sex = "female", Postcode = "ls1 4ap",
        };

        var model = MatchModel.Default;                       // or ModelTrainer.Train(records).Model
        Console.WriteLine(model.Score(pas, gp).Decision);     // Match
        var explanation = model.Explain(new RecordSet([pas]), 0, new RecordSet([gp]), 0);
        Console.WriteLine(explanation.Outcomes.First(o => o.Comparison == ComparisonKind.GivenName).LevelName); // Nickname
        Console.WriteLine(explanation.Outcomes[0].Missing);   // Right (no NHS number: no evidence)

        using var index = new PatientIndex(model);            // "who is this patient?" lookups
        index.AddOrUpdate(pas);
        Console.WriteLine(index.FindMatches(gp, maxResults: 5)[0].Id); // PAS-1
        // README example 3 end

        Assert.Equal(["Match", "Nickname", "Right", "PAS-1"], Console.Lines);
    }

    [Fact]
    public void Readme_sample_accuracy_table_holds_the_committed_reports_figures()
    {
        if (ReadmeSamples.Updating)
        {
            // Whichever of the two tests runs first regenerates both files, so one update run passes.
            ReadmeSamples.Update(ReadmeSamples.Run().Error);
        }

        var readme = File.ReadAllText(ReadmeSamples.ReadmePath);
        var report = File.ReadAllText(ReadmeSamples.ReportPath);

        // The README shows the command the report ran and how to regenerate both; its table shows the report's figures.
        Assert.Contains(ReadmeSamples.Command, readme, StringComparison.Ordinal);
        Assert.Contains(ReadmeSamples.Command, report, StringComparison.Ordinal);
        Assert.Contains(ReadmeSamples.UpdateCommand, readme, StringComparison.Ordinal);
        Assert.Equal(ReadmeSamples.FiguresOf(report), ReadmeSamples.FiguresOfReadme(readme));
    }

    [Fact]
    public void Committed_samples_report_is_what_the_readme_command_prints_now()
    {
        var run = ReadmeSamples.Run();
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        if (ReadmeSamples.Updating)
        {
            ReadmeSamples.Update(run.Error);
        }

        // A change that moves the figures fails here until the report (and, through the test above, the README) is
        // regenerated: the message says how.
        var committed = ReadmeSamples.Normalise(File.ReadAllText(ReadmeSamples.ReportPath));
        Assert.True(committed == ReadmeSamples.Render(run.Error),
            $"benchmarks/results/Samples.md is not what the README's command prints now; regenerate it and the README's table with: {ReadmeSamples.UpdateCommand}");
    }

    private static string Dedent(string block)
    {
        var lines = block.Split('\n').Where(line => line.Trim().Length > 0).ToArray();
        var indent = lines.Min(line => line.Length - line.TrimStart().Length);
        var result = new StringBuilder();
        foreach (var line in lines)
        {
            result.Append(line.AsSpan(indent).TrimEnd()).Append('\n');
        }

        return result.ToString();
    }

    /// <summary>Stands in for <see cref="System.Console"/> inside the example so its output can be checked.</summary>
    private static class Console
    {
        public static List<string> Lines { get; } = [];

        public static void WriteLine(object? value) => Lines.Add(value?.ToString() ?? string.Empty);
    }
}
