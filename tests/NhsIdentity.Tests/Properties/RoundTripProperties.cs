using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace NhsIdentity.Tests.Properties;

public sealed class RoundTripProperties
{
    [Property(MaxTest = 2000)]
    public Property Parse_of_ToString_is_identity_for_char_text() =>
        Prop.ForAll(NhsArbitraries.ValidNumbers, NhsArbitraries.RoundTripFormats, (n, format) =>
        {
            var text = n.ToString(format);
            var viaSpan = NhsNumber.Parse(text.AsSpan());
            var viaTry = NhsNumber.TryParse(text, out var tried);
            Span<char> buffer = stackalloc char[12];
            var formatted = n.TryFormat(buffer, out var written, format);
            return NhsNumber.Parse(text) == n && viaSpan == n && viaTry && tried == n
                && formatted && buffer[..written].SequenceEqual(text);
        });

    [Property(MaxTest = 2000)]
    public Property Parse_of_TryFormat_is_identity_for_utf8_text() =>
        Prop.ForAll(NhsArbitraries.ValidNumbers, NhsArbitraries.RoundTripFormats, (n, format) =>
        {
            Span<byte> buffer = stackalloc byte[12];
            if (!n.TryFormat(buffer, out var written, format))
            {
                return false;
            }

            ReadOnlySpan<byte> utf8 = buffer[..written];
            return NhsNumber.Parse(utf8) == n
                && NhsNumber.TryParse(utf8, out var tried) && tried == n
                && Encoding.UTF8.GetString(utf8) == n.ToString(format);
        });

    [Property(MaxTest = 1000)]
    public Property Strict_round_trips_the_canonical_forms() =>
        Prop.ForAll(NhsArbitraries.ValidNumbers, n =>
            NhsNumber.Parse(n.ToString("S"), NhsNumberStyles.Strict) == n
            && NhsNumber.Parse(n.ToString("N"), NhsNumberStyles.Strict) == n
            && NhsNumber.Validate(n.ToString("H").AsSpan(), NhsNumberStyles.Strict) == NhsNumberStatus.BadSeparator);

    [Property(MaxTest = 1000)]
    public Property Value_and_base_round_trip() =>
        Prop.ForAll(NhsArbitraries.ValidNumbers, n =>
            NhsNumber.FromValue(n.Value) == n
            && NhsNumber.FromBase(n.Base) == n
            && n.Value == (n.Base * 10L) + n.CheckDigit
            && NhsNumber.ComputeCheckDigit(n.Base) == n.CheckDigit);

    [Property(MaxTest = 1000)]
    public Property Masked_format_keeps_the_last_four_and_hides_the_first_six() =>
        Prop.ForAll(NhsArbitraries.ValidNumbers, n =>
        {
            var plain = n.ToString("N");
            var masked = n.ToString("M");
            return masked == "*** *** " + plain[6..]
                && masked.EndsWith(plain[6..], StringComparison.Ordinal)
                && !masked.Contains(plain[..6], StringComparison.Ordinal)
                && n.ToString("m") == masked;
        });
}
