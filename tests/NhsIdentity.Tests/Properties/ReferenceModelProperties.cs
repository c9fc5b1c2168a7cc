using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Properties;

/// <summary>The library's validator against a plain transcription of its documented policy.</summary>
public sealed class ReferenceModelProperties
{
    [Property(MaxTest = 5000)]
    public Property Validate_matches_the_reference_model() =>
        Prop.ForAll(NhsArbitraries.AnyText, text =>
        {
            var utf8 = Encoding.UTF8.GetBytes(text);
            foreach (var styles in new[] { NhsNumberStyles.Lenient, NhsNumberStyles.Strict })
            {
                var expected = ReferenceNhsNumber.Classify(text, styles);
                if (NhsNumber.Validate(text.AsSpan(), styles) != expected || NhsNumber.Validate(utf8, styles) != expected)
                {
                    return false;
                }
            }

            return true;
        });

    [Fact]
    public void Reference_model_agrees_with_every_vector()
    {
        foreach (var row in NhsNumberVectors.All)
        {
            var expected = ReferenceNhsNumber.Classify(row.Input, NhsNumberStyles.Lenient);
            Assert.Equal(expected, NhsNumber.Validate(row.Input));
            Assert.Equal(row.Expected switch
            {
                "valid" => true,
                _ => false,
            }, expected == NhsNumberStatus.Valid);
        }
    }

    [Fact]
    public void Exhaustive_over_a_small_alphabet_up_to_length_six_and_grouped_shapes()
    {
        // Every string over a small alphabet up to length 6 (7^0 + ... + 7^6 = 137,257 strings).
        char[] alphabet = ['0', '9', ' ', '-', '\t', 'a', '\u00A0'];
        var failures = new List<string>();
        var buffer = new char[6];
        for (var length = 0; length <= 6; length++)
        {
            var total = (int)Math.Pow(alphabet.Length, length);
            for (var index = 0; index < total; index++)
            {
                var rest = index;
                for (var i = 0; i < length; i++)
                {
                    buffer[i] = alphabet[rest % alphabet.Length];
                    rest /= alphabet.Length;
                }

                Check(new string(buffer, 0, length), failures);
            }
        }

        // Twelve-character shapes around a valid number: every pair of characters at positions 3 and 7.
        char[] separators = [' ', '-', '\t', '0', '_', '\u00A0'];
        foreach (var a in separators)
        {
            foreach (var b in separators)
            {
                foreach (var pad in new[] { "", " ", "\u2003" })
                {
                    Check($"{pad}450{a}557{b}7104{pad}", failures);
                    Check($"{pad}450{a}557{b}7105{pad}", failures);
                    Check($"{pad}999{a}123{b}4560{pad}", failures);
                    Check($"{pad}45{a}0557{b}7104{pad}", failures);
                }
            }
        }

        Assert.Empty(failures);
    }

    private static void Check(string text, List<string> failures)
    {
        foreach (var styles in new[] { NhsNumberStyles.Lenient, NhsNumberStyles.Strict })
        {
            var expected = ReferenceNhsNumber.Classify(text, styles);
            var actual = NhsNumber.Validate(text.AsSpan(), styles);
            var actualUtf8 = NhsNumber.Validate(Encoding.UTF8.GetBytes(text), styles);
            if ((actual != expected || actualUtf8 != expected) && failures.Count < 20)
            {
                failures.Add($"'{text}' {styles}: expected {expected}, chars {actual}, UTF-8 {actualUtf8}");
            }
        }
    }
}
