using System.Text;
using NhsIdentity.Tests.TestHelpers;
using Xunit;

namespace NhsIdentity.Tests;

/// <summary>
/// Keeps the README's example true: the code between the markers below must be the README's first C# block,
/// and running it must give what the README's comments say.
/// </summary>
public class ReadmeTests
{
    [Fact]
    public void Readme_example_is_the_code_this_test_runs()
    {
        var readme = File.ReadAllText(RepositoryRoot.Combine("README.md"));
        var source = File.ReadAllText(RepositoryRoot.Combine("tests", "NhsIdentity.Tests", "ReadmeTests.cs"));

        // The README's block opens with its using directives; the test file has them at its top.
        var readmeBlock = string.Join('\n', Between(readme, "```csharp\n", "```").Split('\n')
            .Where(line => !line.StartsWith("using ", StringComparison.Ordinal)));
        var testedBlock = Between(source, "// README example start\n", "        // README example end");

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

    private static string Between(string text, string start, string end)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"marker not found: {start.Trim()}");
        from += start.Length;
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        Assert.True(to >= 0, $"marker not found: {end.Trim()}");
        return text[from..to];
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
