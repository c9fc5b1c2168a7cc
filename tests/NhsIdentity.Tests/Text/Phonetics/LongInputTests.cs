using NhsIdentity.Text.Phonetics;

namespace NhsIdentity.Tests.Text.Phonetics;

/// <summary>
/// Encoders whose scratch grows with the input read at most <see cref="PhoneticScratch.MaxInputLength"/> characters,
/// so no text length can overflow the scratch size (found in review: <c>name.Length * 5</c> overflows for spans of
/// about 429 million characters, and the pool would then throw).
/// </summary>
public sealed class LongInputTests
{
    private static string TextOfLength(int length) =>
        string.Create(length, 0, static (span, _) =>
        {
            const string Letters = "BRADFORDMCKENZIETHOMPSON";
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Letters[i % Letters.Length];
            }
        });

    [Fact]
    public void Nysiis_full_key_ignores_text_beyond_the_input_limit()
    {
        var atLimit = TextOfLength(PhoneticScratch.MaxInputLength);
        var beyond = atLimit + "XAVIER";

        var full = Nysiis.Encode(atLimit, int.MaxValue);
        Assert.True(full.Length > 1000, "the full key of a long text is long, so a change at its end would show");
        Assert.Equal(full, Nysiis.Encode(beyond, int.MaxValue));
    }

    [Fact]
    public void Double_Metaphone_ignores_text_beyond_the_input_limit()
    {
        var atLimit = TextOfLength(PhoneticScratch.MaxInputLength);
        var beyond = atLimit + "XAVIER";

        var full = DoubleMetaphone.Encode(atLimit, int.MaxValue);
        Assert.True(full.Primary.Length > 1000);
        Assert.Equal(full, DoubleMetaphone.Encode(beyond, int.MaxValue));
        Assert.True(DoubleMetaphone.TryEncode(beyond, new char[full.Primary.Length], out var written, int.MaxValue));
        Assert.Equal(full.Primary.Length, written);
    }
}
