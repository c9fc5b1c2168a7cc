using System.Diagnostics;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests;

/// <summary>Runs the samples (the test project builds them first) and checks what they print.</summary>
public sealed class SampleProgramTests
{
    [Fact]
    public void Quickstart_validates_formats_generates_and_explains_a_pair()
    {
        var output = RunSample("Quickstart");

        Assert.Contains("valid", output, StringComparison.Ordinal);
        Assert.Contains("999 000 0026", output, StringComparison.Ordinal);
        Assert.Contains("*** *** 0026", output, StringComparison.Ordinal);
        Assert.Contains("PAS-1 vs GP-7: Match", output, StringComparison.Ordinal);
        Assert.Contains("GivenName        Nickname", output, StringComparison.Ordinal);

        // The explanation shows levels and weights, never the names or dates compared.
        Assert.DoesNotContain("Pemberton", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1961", output, StringComparison.Ordinal);
    }

    [Fact]
    public void In_process_matching_indexes_the_gp_extract_and_identifies_the_pas_messages()
    {
        var output = RunSample("InProcessMatching", RepositoryRoot.Combine("samples", "data"));

        var gpRecords = File.ReadLines(RepositoryRoot.Combine("samples", "data", "gp.csv")).Count() - 1;
        var pasRecords = File.ReadLines(RepositoryRoot.Combine("samples", "data", "pas.csv")).Count() - 1;
        Assert.Contains($"Indexed {gpRecords} GP records.", output, StringComparison.Ordinal);
        Assert.Contains($"Identified {pasRecords} PAS messages:", output, StringComparison.Ordinal);
        Assert.Matches(@"Lookup time: median [0-9.]+ µs", output);

        // Most PAS patients are registered with the practice in the generated data; a few hundred are not.
        var matched = int.Parse(System.Text.RegularExpressions.Regex.Match(output, @"messages: (\d+) matched").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(matched, pasRecords / 2, pasRecords);
    }

    [Fact]
    public void Fhir_matching_answers_a_match_request_with_graded_scored_entries()
    {
        var output = RunSample("FhirMatching");

        // Elizabeth (Liz) is the person asked for; her sister Eleanor shares birthday and home but not the name.
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("p1: score ", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("grade certain", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith("p2:", StringComparison.Ordinal) && l.EndsWith("certain", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("p3:", StringComparison.Ordinal));
        Assert.Contains("Bundle: Searchset", output, StringComparison.Ordinal);
    }

    private static string RunSample(string name, params string[] arguments)
    {
        // tests/NhsIdentity.Tests/bin/<Configuration>/<framework>/ → samples/<name>/bin/<Configuration>/<framework>/
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        var assembly = RepositoryRoot.Combine("samples", name, "bin", configuration, framework.Name, name + ".dll");
        Assert.True(File.Exists(assembly), $"{assembly} is missing: the test project should have built it.");

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{name} exited with {process.ExitCode}: {error.Result}");
        return output;
    }
}
