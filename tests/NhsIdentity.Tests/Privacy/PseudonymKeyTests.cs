using System.Text;
using NhsIdentity.Privacy;
using NhsIdentity.Tests.Cli.Ingestion;

namespace NhsIdentity.Tests.Privacy;

public sealed class PseudonymKeyTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(31)]
    public void Keys_shorter_than_32_bytes_are_rejected_without_echoing_them(int length)
    {
        var secret = Enumerable.Repeat((byte)'7', length).ToArray();
        var exception = Assert.Throws<PseudonymKeyException>(() => new PseudonymKey(secret, "project"));
        Assert.Equal(PseudonymKeyProblem.TooShort, exception.Problem);
        Assert.Equal("secret", exception.ParamName);
        Assert.Contains("32 bytes", exception.Message, StringComparison.Ordinal);
        if (length > 0)
        {
            Assert.DoesNotContain(Encoding.ASCII.GetString(secret), exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_32_byte_key_is_accepted_and_never_shown()
    {
        // 32 distinct printable bytes: 160 bits by the estimate, so not weak (the old "S3CRET" x 5 key is; see below).
        var secret = Encoding.ASCII.GetBytes("Q7x!m9Kz#2LpV$w8Rt&4Ny*6Hb^0Jd@5");
        using var key = new PseudonymKey(secret, "asthma-study");
        Assert.Equal("PseudonymKey(label: asthma-study, 32 bytes)", key.ToString());
        Assert.Equal(32, key.KeyLength);
        Assert.Equal("asthma-study", key.Label);
    }

    [Fact]
    public void The_key_is_copied_so_the_caller_may_erase_theirs()
    {
        var secret = PrivacyTestKeys.Sequential32;
        var pseudonymiser = new NhsNumberPseudonymiser(new PseudonymKey(secret, "nhsid-test"));
        Array.Clear(secret);
        Assert.Equal("1669a55a771c9a0a1ef16975269879c08b9a65dc1843455fb085f52e00482112", pseudonymiser.ToHex(NhsNumber.Parse(PrivacyTestKeys.SentinelNhsNumber)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_or_blank_labels_are_rejected(string label)
    {
        Assert.Throws<ArgumentException>(() => new PseudonymKey(PrivacyTestKeys.Sequential32, label));
    }

    [Fact]
    public void Labels_with_an_unpaired_surrogate_are_rejected()
    {
        // Built in code: xunit would replace the lone surrogate when serialising InlineData. Encoding it with the
        // usual replacement would make two different labels share U+FFFD, and so share pseudonyms.
        var label = "study" + '\uD800';
        Assert.Throws<ArgumentException>(() => new PseudonymKey(PrivacyTestKeys.Sequential32, label));
    }

    [Fact]
    public void Labels_longer_than_256_utf8_bytes_are_rejected()
    {
        _ = new PseudonymKey(PrivacyTestKeys.Sequential32, new string('x', 256));
        _ = new PseudonymKey(PrivacyTestKeys.Sequential32, new string('é', 128)); // 2 bytes each
        Assert.Throws<ArgumentException>(() => new PseudonymKey(PrivacyTestKeys.Sequential32, new string('x', 257)));
        Assert.Throws<ArgumentException>(() => new PseudonymKey(PrivacyTestKeys.Sequential32, new string('é', 129)));
    }

    public static TheoryData<string, byte[]> KeyFileForms => new()
    {
        // openssl rand -hex 32 writes lower-case hex and a line feed.
        { "hex", Encoding.ASCII.GetBytes(Convert.ToHexStringLower(PrivacyTestKeys.Sequential32) + "\n") },
        { "HEX with CRLF", Encoding.ASCII.GetBytes(Convert.ToHexString(PrivacyTestKeys.Sequential32) + "\r\n") },
        // openssl rand -base64 32 writes base64 with padding and a line feed.
        { "base64", Encoding.ASCII.GetBytes(Convert.ToBase64String(PrivacyTestKeys.Sequential32) + "\n") },
        { "raw", PrivacyTestKeys.Sequential32 },
    };

    [Theory]
    [MemberData(nameof(KeyFileForms))]
    public void Key_files_may_hold_hex_base64_or_raw_bytes(string form, byte[] content)
    {
        using var temp = new TempCsv();
        var path = temp.PathOf(form.Replace(' ', '_') + ".key");
        File.WriteAllBytes(path, content);
        using var key = PseudonymKey.FromFile(path, "nhsid-test");
        var pseudonymiser = new NhsNumberPseudonymiser(key);
        Assert.Equal("1669a55a771c9a0a1ef16975269879c08b9a65dc1843455fb085f52e00482112", pseudonymiser.ToHex(NhsNumber.Parse(PrivacyTestKeys.SentinelNhsNumber)));
    }

    [Fact]
    public void A_key_file_too_short_after_decoding_is_rejected()
    {
        // 31 bytes as hex is 62 characters: long enough as raw text, too short as the key it encodes.
        var content = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(new byte[31]) + "\n");
        var exception = Assert.Throws<PseudonymKeyException>(() => PseudonymKey.FromKeyFileContent(content, "p"));
        Assert.Equal(PseudonymKeyProblem.TooShort, exception.Problem);
    }

    [Fact]
    public void An_oversized_key_file_is_refused()
    {
        using var temp = new TempCsv();
        var path = temp.PathOf("big.key");
        File.WriteAllBytes(path, new byte[PseudonymKey.MaxKeyFileLength + 1]);
        var exception = Assert.Throws<PseudonymKeyException>(() => PseudonymKey.FromFile(path, "p"));
        Assert.Equal(PseudonymKeyProblem.FileTooLarge, exception.Problem);
        Assert.Equal("path", exception.ParamName);
    }
}
