namespace NhsIdentity.Tests.Cli.Ingestion;

/// <summary><c>nhsid evaluate</c> given a file it cannot read (issue 14): one clear line, never a stack trace.</summary>
public sealed class EvaluateUnreadableFileTests : IDisposable
{
    private readonly TempCsv temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_file_that_exists_but_cannot_be_read_is_one_line_and_exit_1()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /proc/self/mem: a file that exists and fails to read (EIO at offset 0), even for root.
        }

        var truth = temp.Write("truth.csv", "left_id,right_id\na,b\n");

        var links = CliRunner.Run("evaluate", "/proc/self/mem", "--truth", truth);
        var truthUnreadable = CliRunner.Run("evaluate", truth, "--truth", "/proc/self/mem");

        foreach (var result in new[] { links, truthUnreadable })
        {
            Assert.Equal(1, result.ExitCode);
            var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: /proc/self/mem could not be read: IOException", line, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("folder")]
    [InlineData("missing.csv")]
    public void A_folder_or_missing_file_is_a_usage_error_saying_so(string name)
    {
        Directory.CreateDirectory(temp.PathOf("folder"));
        var truth = temp.Write("truth.csv", "left_id,right_id\na,b\n");

        var result = CliRunner.Run("evaluate", temp.PathOf(name), "--truth", truth);

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Contains(result.Error.Split('\n'), line => line.StartsWith("error", StringComparison.Ordinal)
            && (line.Contains("does not exist", StringComparison.OrdinalIgnoreCase) || line.Contains("not found", StringComparison.OrdinalIgnoreCase)));
    }
}
