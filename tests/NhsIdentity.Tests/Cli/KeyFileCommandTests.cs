using System.Text;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.Privacy;

namespace NhsIdentity.Tests.Cli;

/// <summary><c>nhsid pseudonymise --key-file</c>: every key file that cannot be used is one line and exit 1, never a
/// different key; a weak one loads only with <c>--allow-weak-key</c>.</summary>
public sealed class KeyFileCommandTests
{
    private const string Extract = "id,nhs_number\nP1,9990000018\n";

    private static string Hex => Convert.ToHexStringLower(PrivacyTestKeys.Sequential32);

    public static TheoryData<string, byte[], string> BadKeyFiles => new()
    {
        { "mistyped.key", Encoding.ASCII.GetBytes("g" + Hex[1..] + "\n"), "not valid hexadecimal" },
        { "short.key", "0011\n"u8.ToArray(), "at least 32 bytes" },
        { "spaces.key", Encoding.ASCII.GetBytes(new string(' ', 64)), "empty or holds only white space" },
        { "zeros.key", new byte[32], "every byte has the same value" },
        { "phrase.key", "correct horse battery staple, kept somewhere safe\n"u8.ToArray(), "neither hexadecimal nor base64" },
        { "weak.key", Encoding.ASCII.GetBytes(Convert.ToHexStringLower(Encoding.ASCII.GetBytes("S3CRETS3CRETS3CRETS3CRETS3CRET!!"))), "under 128 bits" },
    };

    [Theory]
    [MemberData(nameof(BadKeyFiles))]
    public void A_key_file_that_cannot_be_used_is_one_line_exit_1_and_no_output(string name, byte[] content, string reason)
    {
        using var temp = new TempCsv();
        var input = temp.Write("extract.csv", Extract);
        var key = temp.PathOf(name);
        File.WriteAllBytes(key, content);
        var result = CliRunner.Run("pseudonymise", input, "--key-file", key, "--columns", "nhs_number", "--out", temp.PathOf("out.csv"));

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: --key-file cannot be used: ", line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
        Assert.DoesNotContain(Hex[..8], line, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("horse", line, StringComparison.Ordinal);
        Assert.DoesNotContain("0011", line, StringComparison.Ordinal);
        Assert.DoesNotContain("9990000018", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.PathOf("out.csv")));
    }

    [Fact]
    public void A_weak_key_loads_with_allow_weak_key_and_is_refused_without_it()
    {
        using var temp = new TempCsv();
        var input = temp.Write("extract.csv", Extract);
        var key = temp.PathOf("zeros.key");
        File.WriteAllBytes(key, new byte[32]);

        var refused = CliRunner.Run("pseudonymise", input, "--key-file", key, "--columns", "nhs_number", "--out", temp.PathOf("out.csv"));
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--allow-weak-key", refused.Error, StringComparison.Ordinal);

        var allowed = CliRunner.Run("pseudonymise", input, "--key-file", key, "--columns", "nhs_number", "--out", temp.PathOf("out.csv"), "--allow-weak-key");
        Assert.Equal(0, allowed.ExitCode);
        Assert.Equal(64, File.ReadAllLines(temp.PathOf("out.csv"))[1].Split(',')[1].Length);
    }

    [Fact]
    public void A_hex_key_with_a_byte_order_mark_and_wrapped_lines_gives_the_same_pseudonyms_as_one_line()
    {
        using var temp = new TempCsv();
        var input = temp.Write("extract.csv", Extract);
        var plain = temp.Write("plain.key", Hex + "\n");
        var wrapped = temp.Write("wrapped.key", Hex[..32] + "\r\n" + Hex[32..] + "\r\n", byteOrderMark: true);

        Assert.Equal(0, CliRunner.Run("pseudonymise", input, "--key-file", plain, "--columns", "nhs_number", "--out", temp.PathOf("a.csv")).ExitCode);
        Assert.Equal(0, CliRunner.Run("pseudonymise", input, "--key-file", wrapped, "--columns", "nhs_number", "--out", temp.PathOf("b.csv")).ExitCode);
        Assert.Equal(File.ReadAllText(temp.PathOf("a.csv")), File.ReadAllText(temp.PathOf("b.csv")));
    }

    [Fact]
    public void A_bad_label_is_a_usage_error()
    {
        using var temp = new TempCsv();
        var input = temp.Write("extract.csv", Extract);
        var key = temp.Write("ok.key", Hex + "\n");
        var result = CliRunner.Run("pseudonymise", input, "--key-file", key, "--columns", "nhs_number", "--out", temp.PathOf("out.csv"), "--label", "  ");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--label", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_documents_the_key_forms_and_allow_weak_key()
    {
        var help = CliRunner.Run("pseudonymise", "--help").Output;
        foreach (var phrase in (string[])["openssl rand -hex 32", "base64", "raw bytes", "byte-order mark", "wrapped", "--allow-weak-key", "128 bits"])
        {
            Assert.Contains(phrase, help, StringComparison.Ordinal);
        }
    }
}
