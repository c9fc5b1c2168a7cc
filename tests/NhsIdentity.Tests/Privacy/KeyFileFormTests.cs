using System.Text;
using NhsIdentity.Privacy;

namespace NhsIdentity.Tests.Privacy;

/// <summary>
/// Key files as they arrive from people and tools (issue 14): each either gives the key it holds or is refused with a
/// reason, never read as a different key, and no message shows the content.
/// </summary>
public sealed class KeyFileFormTests
{
    /// <summary>The pseudonym of the sentinel number under <see cref="PrivacyTestKeys.Sequential32"/>, label nhsid-test.</summary>
    private const string SequentialKeyPseudonym = "1669a55a771c9a0a1ef16975269879c08b9a65dc1843455fb085f52e00482112";

    private static string Hex => Convert.ToHexStringLower(PrivacyTestKeys.Sequential32);

    public static TheoryData<string, byte[]> SameKeyForms => new()
    {
        // Notepad and some editors save UTF-8 with a byte-order mark; it used to be read as 3 more raw key bytes.
        { "UTF-8 BOM", [.. "\uFEFF"u8, .. Encoding.ASCII.GetBytes(Hex + "\n")] },
        { "hex wrapped at 16", Encoding.ASCII.GetBytes(string.Join("\n", Hex.Chunk(16).Select(c => new string(c))) + "\n") },
        { "hex in byte pairs, CRLF", Encoding.ASCII.GetBytes(string.Join(" ", Hex.Chunk(2).Select(c => new string(c))) + "\r\n") },
        { "base64 wrapped at 8, BOM", [.. "\uFEFF"u8, .. Encoding.ASCII.GetBytes(string.Join("\n", Convert.ToBase64String(PrivacyTestKeys.Sequential32).Chunk(8).Select(c => new string(c))) + "\n")] },
        // Windows PowerShell 5: 'openssl rand -hex 32 > key' writes UTF-16 LE with a byte-order mark.
        { "UTF-16 LE hex", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Hex + "\r\n")] },
        { "UTF-16 BE hex", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Hex + "\r\n")] },
    };

    [Theory]
    [MemberData(nameof(SameKeyForms))]
    public void Key_files_with_a_byte_order_mark_or_wrapped_lines_give_the_same_key(string form, byte[] content)
    {
        using var key = PseudonymKey.FromKeyFileContent(content, "nhsid-test");
        Assert.True(key.Secret.SequenceEqual(PrivacyTestKeys.Sequential32), form);
        Assert.Equal(SequentialKeyPseudonym, new NhsNumberPseudonymiser(key).ToHex(NhsNumber.Parse(PrivacyTestKeys.SentinelNhsNumber)));
    }

    [Fact]
    public void Base64_as_openssl_wraps_it_at_64_columns_gives_the_same_key()
    {
        // 'openssl rand -base64 64' writes 88 characters as a line of 64 and a line of 24.
        var secret = Enumerable.Range(0, 64).Select(i => (byte)((i * 37) + 11)).ToArray();
        var text = Convert.ToBase64String(secret);
        using var key = PseudonymKey.FromKeyFileContent(Encoding.ASCII.GetBytes(text[..64] + "\n" + text[64..] + "\n"), "p");
        Assert.True(key.Secret.SequenceEqual(secret));
    }

    public static TheoryData<string, byte[], PseudonymKeyProblem> RefusedContent => new()
    {
        // One digit mistyped as a letter: 64 characters of the base64 alphabet, which used to load as a 48-byte key.
        { "mistyped hex digit", Encoding.ASCII.GetBytes("g" + Hex[1..] + "\n"), PseudonymKeyProblem.MalformedHex },
        { "hex digit missing", Encoding.ASCII.GetBytes(Hex[1..] + "\n"), PseudonymKeyProblem.MalformedHex },
        { "0x prefix", Encoding.ASCII.GetBytes("0x" + Hex + "\n"), PseudonymKeyProblem.MalformedHex },
        { "hex with a non-breaking space", Encoding.UTF8.GetBytes(Hex[..32] + "\u00A0" + Hex[32..]), PseudonymKeyProblem.MalformedHex },
        { "colon-separated hex", Encoding.ASCII.GetBytes(string.Join(":", Hex.Chunk(2).Select(c => new string(c)))), PseudonymKeyProblem.NotHexOrBase64 },
        { "a passphrase", Encoding.ASCII.GetBytes("correct horse battery staple, kept somewhere safe\n"), PseudonymKeyProblem.NotHexOrBase64 },
        { "base64 with a mistyped character", Encoding.ASCII.GetBytes(Convert.ToBase64String(PrivacyTestKeys.Sequential32).Replace('A', '.') + "\n"), PseudonymKeyProblem.NotHexOrBase64 },
        { "64 spaces", Encoding.ASCII.GetBytes(new string(' ', 64)), PseudonymKeyProblem.EmptyFile },
        { "empty", [], PseudonymKeyProblem.EmptyFile },
        { "BOM and line breaks only", [.. "\uFEFF"u8, .. "\r\n\r\n"u8], PseudonymKeyProblem.EmptyFile },
        { "32 zero bytes", new byte[32], PseudonymKeyProblem.AllOneByteValue },
        { "64 zeros as hex", Encoding.ASCII.GetBytes(new string('0', 128)), PseudonymKeyProblem.AllOneByteValue },
        { "a repeated word as raw bytes", [.. Enumerable.Repeat((byte)0x01, 16), .. Enumerable.Repeat((byte)0x02, 16)], PseudonymKeyProblem.LowEntropy },
        { "S3CRET five times, as hex", Encoding.ASCII.GetBytes(Convert.ToHexStringLower(Encoding.ASCII.GetBytes("S3CRETS3CRETS3CRETS3CRETS3CRET!!"))), PseudonymKeyProblem.LowEntropy },
        { "hex of 31 bytes", Encoding.ASCII.GetBytes(Hex[..62]), PseudonymKeyProblem.TooShort },
    };

    [Theory]
    [MemberData(nameof(RefusedContent))]
    public void Damaged_text_and_weak_keys_are_refused_with_a_reason_that_shows_no_content(string what, byte[] content, PseudonymKeyProblem problem)
    {
        var exception = Assert.Throws<PseudonymKeyException>(() => PseudonymKey.FromKeyFileContent(content, "p"));
        Assert.True(problem == exception.Problem, $"{what}: {exception.Problem}");
        Assert.Equal("content", exception.ParamName);
        Assert.DoesNotContain(Hex[..8], exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("horse", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weak_key_loads_when_the_caller_allows_it()
    {
        using var key = PseudonymKey.FromKeyFileContent(new byte[32], "p", new PseudonymKeyOptions { AllowWeakKey = true });
        Assert.Equal(32, key.KeyLength);
        var refused = Assert.Throws<PseudonymKeyException>(() => new PseudonymKey(new byte[32], "p"));
        Assert.True(refused.IsWeakKey);
    }

    [Fact]
    public void Malformed_text_is_refused_even_when_weak_keys_are_allowed()
    {
        var options = new PseudonymKeyOptions { AllowWeakKey = true };
        var exception = Assert.Throws<PseudonymKeyException>(() => PseudonymKey.FromKeyFileContent(Encoding.ASCII.GetBytes("g" + Hex[1..]), "p", options));
        Assert.Equal(PseudonymKeyProblem.MalformedHex, exception.Problem);
    }

    [Fact]
    public void Raw_binary_keys_are_taken_exactly_as_stored_even_with_a_leading_byte_order_mark()
    {
        // Binary content is the key byte for byte: a BOM is set aside only from text.
        byte[] secret = [0xEF, 0xBB, 0xBF, 0x00, .. Enumerable.Range(0, 40).Select(i => (byte)(i * 53))];
        using var key = PseudonymKey.FromKeyFileContent(secret, "p");
        Assert.True(key.Secret.SequenceEqual(secret));
    }

    [Theory]
    [InlineData(new byte[] { 7, 7, 7, 7 }, 0)]
    [InlineData(new byte[] { 1, 2 }, 2)]
    [InlineData(new byte[] { 1, 1, 2, 2 }, 4)]
    [InlineData(new byte[] { 1, 2, 3, 4 }, 8)]
    [InlineData(new byte[] { }, 0)]
    public void The_entropy_estimate_is_length_times_the_empirical_shannon_entropy(byte[] key, double bits)
    {
        Assert.Equal(bits, PseudonymKey.EstimateEntropyBits(key), 9);
    }

    [Fact]
    public void The_estimate_of_known_keys()
    {
        Assert.Equal(160, PseudonymKey.EstimateEntropyBits(PrivacyTestKeys.Sequential32), 9);
        Assert.Equal(96, PseudonymKey.EstimateEntropyBits(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("abcdefgh", 4)))), 9);
        Assert.Equal(128, PseudonymKey.EstimateEntropyBits(Enumerable.Range(0, 32).Select(i => (byte)(i % 16)).ToArray()), 9);
    }
}
