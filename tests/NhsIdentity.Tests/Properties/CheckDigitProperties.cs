using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Properties;

public sealed class CheckDigitProperties
{
    [Property(MaxTest = 2000)]
    public Property Every_single_digit_substitution_is_invalid() =>
        Prop.ForAll(NhsArbitraries.ValidNumbers, Arb.From(Gen.Choose(0, 9)), Arb.From(Gen.Choose(1, 9)), (n, position, delta) =>
        {
            Span<char> digits = stackalloc char[10];
            n.TryFormat(digits, out _, "N");
            digits[position] = (char)('0' + ((digits[position] - '0' + delta) % 10));
            var status = NhsNumber.Validate(digits);
            return status is NhsNumberStatus.CheckDigitMismatch or NhsNumberStatus.CheckDigitIsTen
                && status == ReferenceNhsNumber.StatusOfTenDigits(digits);
        });

    [Property(MaxTest = 2000)]
    public Property Every_adjacent_transposition_of_different_digits_is_invalid() =>
        Prop.ForAll(NhsArbitraries.ValidNumbers, Arb.From(Gen.Choose(0, 8)), (n, position) =>
        {
            Span<char> digits = stackalloc char[10];
            n.TryFormat(digits, out _, "N");
            if (digits[position] == digits[position + 1])
            {
                return NhsNumber.Validate(digits) == NhsNumberStatus.Valid; // swapping equal digits changes nothing
            }

            (digits[position], digits[position + 1]) = (digits[position + 1], digits[position]);
            var status = NhsNumber.Validate(digits);
            return status is NhsNumberStatus.CheckDigitMismatch or NhsNumberStatus.CheckDigitIsTen;
        });

    [Property(MaxTest = 2000)]
    public Property Exactly_one_tenth_digit_is_valid_unless_the_check_value_is_ten() =>
        Prop.ForAll(Arb.From(NhsArbitraries.AnyBase), nineDigitBase =>
        {
            var computed = NhsNumber.ComputeCheckDigit(nineDigitBase);
            if (computed != ReferenceNhsNumber.CheckDigitOrMinusOne(nineDigitBase))
            {
                return false;
            }

            Span<char> text = stackalloc char[10];
            nineDigitBase.TryFormat(text, out _, "D9", CultureInfo.InvariantCulture);
            Span<byte> utf8 = stackalloc byte[10];
            nineDigitBase.TryFormat(utf8, out _, "D9", CultureInfo.InvariantCulture);
            if (NhsNumber.ComputeCheckDigit(text[..9]) != computed || NhsNumber.ComputeCheckDigit(utf8[..9]) != computed)
            {
                return false;
            }

            var valid = 0;
            var isTen = 0;
            for (var digit = 0; digit <= 9; digit++)
            {
                text[9] = (char)('0' + digit);
                utf8[9] = (byte)('0' + digit);
                var status = NhsNumber.Validate(text);
                if (status != NhsNumber.Validate(utf8))
                {
                    return false;
                }

                if (status == NhsNumberStatus.Valid)
                {
                    valid++;
                    if (digit != computed)
                    {
                        return false;
                    }
                }
                else if (status == NhsNumberStatus.CheckDigitIsTen)
                {
                    isTen++;
                }
                else if (status != NhsNumberStatus.CheckDigitMismatch)
                {
                    return false;
                }
            }

            return computed == -1
                ? valid == 0 && isTen == 10 && !NhsNumber.TryFromBase(nineDigitBase, out _)
                : valid == 1 && isTen == 0 && NhsNumber.TryFromBase(nineDigitBase, out var n) && n.CheckDigit == computed;
        });
}
