using NhsIdentity.Cli.Outputs;
using NhsIdentity.Tests.Cli;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Reliability;

/// <summary>
/// Where an output lands when the path is not a plain file (issue 14, item 5): <c>--model-out /dev/null</c> run as root
/// replaced the system's null device with a regular file, and a FIFO or a symbolic link given as an output was
/// replaced instead of written through. Each test here failed on the code before the fix.
/// </summary>
public sealed class OutputTargetTests : IDisposable
{
    internal const string Extract = "id,nhs_number,given_name,family_name,date_of_birth\n" +
        "A1,9990000018,Alice,Pemberton,14/03/1987\nA2,,Alice,Pemberton,14/03/1987\n";

    private static readonly string Pas = RepositoryRoot.Combine("samples", "data", "pas.csv");
    private readonly TempCsv _temp = new();
    private readonly TempCsv _elsewhere = new();

    [Fact]
    public void A_symbolic_link_is_followed_the_target_gets_the_output_and_the_link_stays_a_link()
    {
        var input = _temp.Write("a.csv", Extract);
        var target = _elsewhere.Write("target.csv", "old content\n");
        var link = _temp.PathOf("links.csv");
        File.CreateSymbolicLink(link, target);
        var expected = CliRunner.Run("dedupe", input, "--no-train", "--out", _elsewhere.PathOf("plain.csv"));

        var result = CliRunner.Run("dedupe", input, "--no-train", "--out", link);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(target, new FileInfo(link).LinkTarget); // still a link, to the same file
        Assert.Equal(File.ReadAllText(_elsewhere.PathOf("plain.csv")), File.ReadAllText(target));
        Assert.Equal(0, expected.ExitCode);
        Assert.Empty(HiddenFiles(_temp.Folder));
        Assert.Empty(HiddenFiles(_elsewhere.Folder)); // the temporary file went beside the target and is gone
    }

    [LinuxFact]
    public async Task A_fifo_is_written_through_to_its_reader_and_stays_a_fifo()
    {
        var input = _temp.Write("a.csv", Extract);
        var fifo = _temp.PathOf("pairs.pipe");
        SystemFiles.MakeFifo(fifo);
        CliRunner.Run("dedupe", input, "--no-train", "--out", _elsewhere.PathOf("plain.csv"));

        // Opening a FIFO to read waits for a writer: the reader runs on its own thread until nhsid opens it.
        var reader = Task.Run(() => File.ReadAllText(fifo));
        var result = CliRunner.Run("dedupe", input, "--no-train", "--out", fifo);

        Assert.True(result.ExitCode == 0, result.Error);
        // Checked before waiting for the reader: had the FIFO been renamed over, its reader would wait for ever.
        Assert.Equal("fifo", SystemFiles.TypeOf(fifo));
        Assert.Equal(File.ReadAllText(_elsewhere.PathOf("plain.csv")), await reader);
        Assert.Empty(HiddenFiles(_temp.Folder));
    }

    [LinuxFact]
    public void Model_out_to_a_null_device_leaves_it_a_character_device()
    {
        // A private null device as root, the system's as anyone else: see SystemFiles for why neither can be damaged.
        var device = SystemFiles.CharacterDevice(_temp.Folder, "null");

        var result = CliRunner.Run("train", Pas, "--model-out", device);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("character special file", SystemFiles.TypeOf(device));
        Assert.Empty(HiddenFiles(_temp.Folder));
    }

    [LinuxFact]
    public void File_kinds_are_told_apart_after_following_links()
    {
        var file = _temp.Write("a.csv", Extract);
        var fifo = _temp.PathOf("p.pipe");
        SystemFiles.MakeFifo(fifo);
        var linkToFifo = _temp.PathOf("p.link");
        File.CreateSymbolicLink(linkToFifo, fifo);

        Assert.Equal(FileKind.Regular, FileKinds.Of(file));
        Assert.Equal(FileKind.Directory, FileKinds.Of(_temp.Folder));
        Assert.Equal(FileKind.Missing, FileKinds.Of(_temp.PathOf("missing.csv")));
        Assert.Equal(FileKind.Missing, FileKinds.Of(Path.Combine(file, "under-a-file.csv")));
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of("/dev/null")); // only looked at
        Assert.Equal(FileKind.Fifo, FileKinds.Of(fifo));
        Assert.Equal(FileKind.Fifo, FileKinds.Of(linkToFifo));
    }

    /// <summary>Temporary files and backups: hidden files (<c>.NAME.GUID.tmp</c>, <c>.NAME.GUID.bak</c>).</summary>
    internal static string[] HiddenFiles(string folder) =>
        [.. Directory.GetFiles(folder).Where(path => Path.GetFileName(path).StartsWith('.'))];

    public void Dispose()
    {
        _temp.Dispose();
        _elsewhere.Dispose();
    }
}
