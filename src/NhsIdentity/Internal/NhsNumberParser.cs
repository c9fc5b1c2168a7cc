using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NhsIdentity.Internal;

/// <summary>
/// The one parsing core behind every NHS number validator and parser, generic over UTF-16 (<see cref="char"/>)
/// and UTF-8 (<see cref="byte"/>) code units. The JIT specialises it per code unit, so neither path pays for
/// the other.
/// </summary>
internal static class NhsNumberParser
{
    private const int PlainLength = 10;
    private const int GroupedLength = 12;

    /// <summary>Checks <paramref name="text"/> and, when valid, returns the ten-digit value in <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static NhsNumberStatus Parse<TChar>(ReadOnlySpan<TChar> text, NhsNumberStyles styles, out long value)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (styles != NhsNumberStyles.Lenient)
        {
            if (styles != NhsNumberStyles.Strict)
            {
                ThrowHelper.ThrowUndefinedStyles(nameof(styles));
            }
        }
        else if (!text.IsEmpty && (!IsAsciiDigit(text[0]) || !IsAsciiDigit(text[^1])))
        {
            // Only trim when an end is not a digit: the common inputs skip this entirely.
            text = UnicodeWhiteSpace.Trim(text);
        }

        ref var first = ref MemoryMarshal.GetReference(text);

        // Choose the layout first so there is a single FromDigits call site: with two, the JIT stops inlining
        // and each spaced input paid for a dozen calls (measured in benchmarks/results/NhsNumberProposals.md).
        // In the grouped layout the middle and last groups start one and two characters further on.
        nint gap;
        if (text.Length == PlainLength)
        {
            gap = 0;
        }
        else if (text.Length == GroupedLength && IsAcceptedGrouping(Unit(ref first, 3), Unit(ref first, 7), styles))
        {
            gap = 1;
        }
        else
        {
            value = 0;
            return Classify(text);
        }

        ref var middle = ref Unsafe.Add(ref first, gap);
        ref var last = ref Unsafe.Add(ref middle, gap);
        var status = FromDigits(
            Digit(ref first, 0), Digit(ref first, 1), Digit(ref first, 2), Digit(ref middle, 3), Digit(ref middle, 4),
            Digit(ref middle, 5), Digit(ref last, 6), Digit(ref last, 7), Digit(ref last, 8), Digit(ref last, 9),
            out value);
        return status == NhsNumberStatus.NonDigit ? Classify(text) : status;
    }

    /// <summary>Scores ten digit values (each already reduced by '0'); any value above 9 was not a digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static NhsNumberStatus FromDigits(
        uint d0, uint d1, uint d2, uint d3, uint d4, uint d5, uint d6, uint d7, uint d8, uint d9, out long value)
    {
        // Short-circuit tests: measured faster than a branch-free '|' of ten flags, which spilled to the stack.
        if (d0 > 9 || d1 > 9 || d2 > 9 || d3 > 9 || d4 > 9 || d5 > 9 || d6 > 9 || d7 > 9 || d8 > 9 || d9 > 9)
        {
            value = 0;
            return NhsNumberStatus.NonDigit;
        }

        // Two independent sums give the CPU parallel work instead of one long dependency chain.
        var weightedSum = ((d0 * 10) + (d1 * 9) + (d2 * 8) + (d3 * 7)) + ((d4 * 6) + (d5 * 5) + (d6 * 4) + (d7 * 3) + (d8 * 2));
        var checkDigit = Modulus11.CheckDigitFromWeightedSum(weightedSum);
        if (checkDigit != (int)d9)
        {
            value = 0;
            return checkDigit == Modulus11.NoCheckDigit ? NhsNumberStatus.CheckDigitIsTen : NhsNumberStatus.CheckDigitMismatch;
        }

        var high = (d0 * 10_000) + (d1 * 1_000) + (d2 * 100) + (d3 * 10) + d4;
        var low = (d5 * 10_000) + (d6 * 1_000) + (d7 * 100) + (d8 * 10) + d9;
        value = ((long)high * 100_000) + low;
        return NhsNumberStatus.Valid;
    }

    /// <summary>
    /// The slow path: finds the most useful reason for text that is not in a canonical layout (or holds a
    /// non-digit there). Characters are sorted into digits, separators and everything else.
    /// </summary>
    private static NhsNumberStatus Classify<TChar>(ReadOnlySpan<TChar> text)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (text.IsEmpty)
        {
            return NhsNumberStatus.Empty;
        }

        var digits = 0;
        var others = 0;
        foreach (var unit in text)
        {
            var c = uint.CreateTruncating(unit);
            if (c - '0' <= 9)
            {
                digits++;
            }
            else if (!IsSeparatorLike(c))
            {
                others++;
            }
        }

        if (others != 0)
        {
            return NhsNumberStatus.NonDigit;
        }

        // Ten digits that did not take the fast path were badly grouped; anything else is the wrong count.
        return digits == PlainLength ? NhsNumberStatus.BadSeparator : NhsNumberStatus.WrongLength;
    }

    /// <summary>Separators and ASCII white space: a misplaced one is a layout problem, not a bad character.</summary>
    private static bool IsSeparatorLike(uint c) => c is ' ' or '-' or (>= '\t' and <= '\r');

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAcceptedGrouping(uint first, uint second, NhsNumberStyles styles) =>
        first == second && (first == ' ' || (first == '-' && styles == NhsNumberStyles.Lenient));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Unit<TChar>(ref TChar first, nint index)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        // Direct reads: the JIT folds the type test, and avoids the generic conversion's extra inlining depth.
        ref var unit = ref Unsafe.Add(ref first, index);
        return typeof(TChar) == typeof(char) ? Unsafe.As<TChar, char>(ref unit) : Unsafe.As<TChar, byte>(ref unit);
    }

    /// <summary>The digit at <paramref name="index"/>; values above 9 (including wrap-around below '0') are not digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Digit<TChar>(ref TChar first, nint index)
        where TChar : unmanaged, IBinaryInteger<TChar> =>
        Unit(ref first, index) - '0';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiDigit<TChar>(TChar unit)
        where TChar : unmanaged, IBinaryInteger<TChar> =>
        uint.CreateTruncating(unit) - '0' <= 9;
}
