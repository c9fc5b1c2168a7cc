using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace NhsIdentity.Tests.Properties;

/// <summary>Validation never throws, all entry points agree, and the char and UTF-8 paths agree.</summary>
public sealed class RobustnessProperties
{
    private static readonly NhsNumberStatus[] AllStatuses = Enum.GetValues<NhsNumberStatus>();

    [Property(MaxTest = 3000)]
    public Property Char_entry_points_never_throw_and_agree() =>
        Prop.ForAll(NhsArbitraries.AnyText, text =>
        {
            foreach (var styles in new[] { NhsNumberStyles.Lenient, NhsNumberStyles.Strict })
            {
                var status = NhsNumber.Validate(text.AsSpan(), styles);
                var ok = NhsNumber.TryParse(text.AsSpan(), styles, out var result, out var tryStatus);
                if (Array.IndexOf(AllStatuses, status) < 0 || status != tryStatus
                    || ok != (status == NhsNumberStatus.Valid) || ok == result.IsEmpty
                    || NhsNumber.IsValid(text.AsSpan(), styles) != ok
                    || NhsNumber.TryParse(text, styles, out var viaString) != ok || viaString != result)
                {
                    return false;
                }
            }

            return NhsNumber.Validate(text) == NhsNumber.Validate(text.AsSpan(), NhsNumberStyles.Lenient)
                && NhsNumber.IsValid(text) == (NhsNumber.Validate(text) == NhsNumberStatus.Valid);
        });

    [Property(MaxTest = 3000)]
    public Property Utf8_entry_points_never_throw_on_arbitrary_bytes() =>
        Prop.ForAll(NhsArbitraries.AnyBytes, bytes =>
        {
            foreach (var styles in new[] { NhsNumberStyles.Lenient, NhsNumberStyles.Strict })
            {
                var status = NhsNumber.Validate(bytes, styles);
                var ok = NhsNumber.TryParse(bytes, styles, out var result, out var tryStatus);
                if (Array.IndexOf(AllStatuses, status) < 0 || status != tryStatus
                    || ok != (status == NhsNumberStatus.Valid) || ok == result.IsEmpty
                    || NhsNumber.IsValid(bytes, styles) != ok)
                {
                    return false;
                }
            }

            return NhsNumber.Validate(bytes) == NhsNumber.Validate(bytes, NhsNumberStyles.Lenient);
        });

    [Property(MaxTest = 3000)]
    public Property Char_and_utf8_paths_give_the_same_status_and_number() =>
        Prop.ForAll(NhsArbitraries.AnyText, text =>
        {
            var utf8 = Encoding.UTF8.GetBytes(text);
            foreach (var styles in new[] { NhsNumberStyles.Lenient, NhsNumberStyles.Strict })
            {
                NhsNumber.TryParse(text.AsSpan(), styles, out var fromChars, out var charStatus);
                NhsNumber.TryParse(utf8, styles, out var fromBytes, out var byteStatus);
                if (charStatus != byteStatus || fromChars != fromBytes)
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = 3000)]
    public Property Strict_valid_implies_lenient_valid_with_the_same_number() =>
        Prop.ForAll(NhsArbitraries.AnyText, text =>
        {
            if (!NhsNumber.TryParse(text.AsSpan(), NhsNumberStyles.Strict, out var strict))
            {
                return true;
            }

            return NhsNumber.TryParse(text.AsSpan(), NhsNumberStyles.Lenient, out var lenient) && lenient == strict;
        });

    [Property(MaxTest = 3000)]
    public Property Lenient_ignores_surrounding_white_space() =>
        Prop.ForAll(NhsArbitraries.AnyText, Arb.From(Gen.Elements("", " ", "\t", "\u00A0", "\u2003 ", "\r\n")), (text, pad) =>
        {
            var trimmed = text.Trim();
            return NhsNumber.Validate(pad + trimmed + pad) == NhsNumber.Validate(trimmed);
        });

    [Property(MaxTest = 1000)]
    public Property Parse_throws_only_FormatException_and_the_message_never_holds_the_text() =>
        Prop.ForAll(NhsArbitraries.AnyText, text =>
        {
            try
            {
                var n = NhsNumber.Parse(text);
                return NhsNumber.Validate(text) == NhsNumberStatus.Valid && !n.IsEmpty;
            }
            catch (FormatException ex)
            {
                var status = NhsNumber.Validate(text);
                var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
                return status != NhsNumberStatus.Valid
                    && ex.Message.Contains($"({status})", StringComparison.Ordinal)
                    && (text.Trim().Length < 4 || !ex.Message.Contains(text.Trim(), StringComparison.Ordinal))
                    && (digits.Length < 4 || !ex.Message.Contains(digits, StringComparison.Ordinal));
            }
        });
}
