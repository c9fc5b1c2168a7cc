using System.Runtime.CompilerServices;

namespace NhsIdentity.Internal;

/// <summary>
/// The NHS number check-digit rule (NHS Data Dictionary, "NHS Number"; ISB 0149): weight the nine base digits
/// 10, 9, ..., 2, sum, take the remainder modulo 11 and subtract it from 11; 11 becomes 0 and 10 means the base
/// has no valid check digit. Parsing, validation and generation all end in <see cref="CheckDigitFromWeightedSum"/>,
/// so there is one place where the rule lives.
/// </summary>
internal static class Modulus11
{
    /// <summary>The value returned when a base's check value is 10.</summary>
    public const int NoCheckDigit = -1;

    /// <summary>The largest nine-digit base.</summary>
    public const int MaxBase = 999_999_999;

    /// <summary>Turns the weighted sum of the nine base digits into the check digit, or <see cref="NoCheckDigit"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CheckDigitFromWeightedSum(uint weightedSum)
    {
        // Unsigned so the JIT turns "% 11" into a multiply and shift.
        var check = 11 - (int)(weightedSum % 11);
        return check switch
        {
            11 => 0,
            10 => NoCheckDigit,
            _ => check,
        };
    }

    /// <summary>The check digit of a base in 0..999 999 999, or <see cref="NoCheckDigit"/>.</summary>
    public static int CheckDigitOfBase(int nineDigitBase)
    {
        var remaining = (uint)nineDigitBase;
        uint sum = 0;
        // The least significant base digit has weight 2, the most significant weight 10.
        for (uint weight = 2; weight <= 10; weight++)
        {
            var quotient = remaining / 10;
            sum += (remaining - (quotient * 10)) * weight;
            remaining = quotient;
        }

        return CheckDigitFromWeightedSum(sum);
    }
}
