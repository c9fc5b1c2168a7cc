using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using NhsIdentity.Demographics;

namespace NhsIdentity.Internal;

/// <summary>
/// The one parsing core behind <see cref="SexCodes"/>, generic over UTF-16 and UTF-8 code units: it folds the text
/// into a small lower-case ASCII buffer on the stack and matches it with one <c>switch</c> (which the compiler turns
/// into length and character tests, no hashing).
/// </summary>
internal static class SexCodeParser
{
    /// <summary>Longer than every accepted word ("indeterminate", "not applicable"), so longer text fails at once.</summary>
    private const int MaxLength = 16;

    public static bool TryParse<TChar>(ReadOnlySpan<TChar> text, out Sex sex)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        sex = Sex.Unknown;

        // The common case is one character: no trimming or folding needed.
        if (text.Length == 1)
        {
            return TryParseSingle(uint.CreateTruncating(text[0]), ref sex);
        }

        text = DateOfBirthParser.TrimWhiteSpace(text);
        if (text.Length == 1)
        {
            return TryParseSingle(uint.CreateTruncating(text[0]), ref sex);
        }

        if (text.IsEmpty || text.Length > MaxLength)
        {
            return false;
        }

        Span<char> folded = stackalloc char[MaxLength];
        var length = 0;
        var pendingSpace = false;
        foreach (var unit in text)
        {
            var c = uint.CreateTruncating(unit);
            if (c - 'A' <= 'Z' - 'A' || c - 'a' <= 'z' - 'a')
            {
                if (pendingSpace)
                {
                    folded[length++] = ' ';
                    pendingSpace = false;
                }

                folded[length++] = (char)(c | 0x20);
            }
            else if (c is ' ' or '-' or '_' or '\t')
            {
                pendingSpace = true;
            }
            else
            {
                return false;
            }
        }

        if (pendingSpace)
        {
            // A trailing hyphen or underscore ("male-"): not a word of the table.
            return false;
        }

        Sex? match = folded[..length] switch
        {
            "male" or "man" or "boy" => Sex.Male,
            "female" or "woman" or "girl" => Sex.Female,
            "indeterminate" or "not specified" or "notspecified" or "ambiguous" => Sex.Indeterminate,
            "other" => Sex.Other,
            "unknown" or "unk" or "not known" or "notknown" or "not stated" or "not recorded" or "not applicable" => Sex.Unknown,
            _ => null,
        };

        sex = match.GetValueOrDefault();
        return match.HasValue;
    }

    /// <summary>One-character codes: Data Dictionary digits and letters, HL7 v2 table 0001 and DICOM letters.</summary>
    private static bool TryParseSingle(uint c, ref Sex sex)
    {
        // Fold case only for ASCII letters: '| 0x20' on other characters could turn a control character into a digit.
        if (c - 'A' <= 'Z' - 'A')
        {
            c |= 0x20;
        }

        Sex? match = c switch
        {
            '1' or 'm' => Sex.Male,
            '2' or 'f' => Sex.Female,
            '9' or 'i' or 'a' => Sex.Indeterminate,
            'o' => Sex.Other,
            '0' or 'x' or 'u' or 'n' => Sex.Unknown,
            _ => null,
        };

        sex = match.GetValueOrDefault();
        return match.HasValue;
    }

    [DoesNotReturn]
    public static void ThrowFormatException() =>
        throw new FormatException("The text is not a known sex code or word (NHS Data Dictionary, FHIR, HL7 v2, DICOM).");

    [DoesNotReturn]
    public static T ThrowUndefined<T>(string paramName) =>
        throw new ArgumentOutOfRangeException(paramName, "Undefined Sex value.");
}
