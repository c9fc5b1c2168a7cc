using NhsIdentity.Tests.Cli;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.TestHelpers;
using static NhsIdentity.Tests.Reliability.OutputTargetTests;

namespace NhsIdentity.Tests.Reliability;

/// <summary>
/// An output that cannot be written (issue 14, item 5): a full disk, a path under a file or a read-only folder ended in
/// an unhandled <see cref="IOException"/> with a stack trace (exit 134) and left a hidden temporary file holding patient
/// data. Now: one line naming the option, exit 1, no temporary file, and every output file as it was.
/// </summary>
public sealed class OutputFailureTests : IDisposable
{
    private readonly TempCsv _temp = new();

    public static TheoryData<string> Commands => ["dedupe", "filter-optouts", "pseudonymise"];

    [LinuxTheory]
    [MemberData(nameof(Commands))]
    public void A_full_disk_is_one_line_naming_the_option_exit_1_and_nothing_left_behind(string command)
    {
        // /dev/full fails every write with ENOSPC, as a full disk does; it is written through now that devices are.
        var full = SystemFiles.CharacterDevice(_temp.Folder, "full");
        var (args, option, unchanged) = Run(command, full);
        var before = File.ReadAllText(unchanged);

        var result = CliRunner.Run(args);

        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}: {result.Error}");
        AssertOneErrorLine(result.Error, $"error: {option} could not be written: no space left on the device; no output file was changed.");
        Assert.Equal(before, File.ReadAllText(unchanged)); // the run's other output kept its old content
        Assert.Empty(HiddenFiles(_temp.Folder));
    }

    [Fact]
    public void An_output_under_a_file_is_one_line_naming_the_option_and_exit_1()
    {
        var input = _temp.Write("a.csv", Extract);
        var list = _temp.Write("optouts.txt", "9990000018\n");
        var file = _temp.Write("file.csv", "not a folder\n");

        var result = CliRunner.Run("filter-optouts", input, "--optouts", list, "--out", Path.Combine(file, "clean.csv"));

        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}: {result.Error}");
        AssertOneErrorLine(result.Error, "error: --out could not be written: ");
        Assert.Equal("not a folder\n", File.ReadAllText(file));
        Assert.Empty(HiddenFiles(_temp.Folder));
    }

    [ReadOnlyFolderFact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void A_read_only_folder_is_one_line_naming_the_option_and_exit_1()
    {
        var input = _temp.Write("a.csv", Extract);
        var list = _temp.Write("optouts.txt", "9990000018\n");
        var folder = Directory.CreateDirectory(_temp.PathOf("read-only")).FullName;
        string[] args = ["filter-optouts", input, "--optouts", list, "--out", Path.Combine(folder, "clean.csv")];
        int exitCode;
        string error;
        if (SystemFiles.IsRoot)
        {
            // Permissions do not bite root: run nhsid as nobody, for whom this root-owned folder (0755) is read-only.
            using var child = NhsidProcess.Start(args, asNobody: true);
            exitCode = child.WaitForExit();
            error = child.Error;
        }
        else
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            var result = CliRunner.Run(args);
            (exitCode, error) = (result.ExitCode, result.Error);
        }

        Assert.True(exitCode == 1, $"exit {exitCode}: {error}");
        AssertOneErrorLine(error, "error: --out could not be written: permission denied");
        Assert.Empty(Directory.GetFiles(folder));
    }

    /// <summary>The error is exactly one line, starting as expected, with no stack trace or system message.</summary>
    internal static void AssertOneErrorLine(string error, string expectedStart)
    {
        var errors = error.Split('\n').Where(line => line.StartsWith("error:", StringComparison.Ordinal)).ToList();
        Assert.Single(errors);
        Assert.StartsWith(expectedStart, errors[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Pemberton", error, StringComparison.Ordinal);
    }

    /// <summary>A run of <paramref name="command"/> with one output on <paramref name="failing"/> and, where the
    /// command has a second output, that one on an existing file whose content must survive.</summary>
    private (string[] Args, string Option, string Unchanged) Run(string command, string failing)
    {
        var input = _temp.Write("a.csv", Extract);
        var links = _temp.Write("links.csv", "old links\n");
        var list = _temp.Write("optouts.txt", "9990000018\n");
        var key = _temp.Write("project.key", Convert.ToHexStringLower([.. Enumerable.Range(1, 32).Select(i => (byte)(i * 7))]) + "\n");
        return command switch
        {
            // The pairs are complete (and staged) before the clusters fail: links.csv must keep its old content.
            "dedupe" => (["dedupe", input, "--no-train", "--out", links, "--clusters", failing], "--clusters", links),
            "filter-optouts" => (["filter-optouts", input, "--optouts", list, "--out", failing, "--rejects", links], "--out", links),
            _ => (["pseudonymise", input, "--key-file", key, "--columns", "nhs_number=nhs_number", "--out", failing, "--rejects", links], "--out", links),
        };
    }

    public void Dispose() => _temp.Dispose();
}

/// <summary>
/// A fact that needs a folder its process cannot write to. As an ordinary user, chmod makes one. As root, where
/// permissions do not bite, nhsid runs as <c>nobody</c> through <c>setpriv</c>; skipped with a message when that
/// cannot work here (no setpriv, or the built tool is not readable by other users).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ReadOnlyFolderFactAttribute : FactAttribute
{
    public ReadOnlyFolderFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "needs Linux file permissions";
        }
        else if (SystemFiles.IsRoot && NhsidProcess.NobodyCannotRunReason() is { } reason)
        {
            Skip = "running as root, where a read-only folder is writable, and nhsid cannot be run as nobody: " + reason;
        }
    }
}
