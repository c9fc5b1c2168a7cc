using System.IO.Hashing;
using System.Runtime.InteropServices;
using NhsIdentity.Demographics;
using NhsIdentity.Text.Phonetics;
using NhsIdentity.Text.Similarity;

namespace NhsIdentity.Matching;

// Turning one raw PatientRecord into its features. Runs once per record; favours clarity over the last nanosecond,
// but still works in stack buffers so preparing a million records does not churn the heap.
public sealed partial class RecordSet
{
    /// <summary>Names longer than this (after normalisation) are cut: no real name is, and the columns are bytes.</summary>
    private const int MaxNameLength = 64;

    /// <summary>Given names (all of them) and family-name tokens longer than this are cut.</summary>
    private const int MaxNameTokensLength = 200;

    private const int MaxAddressLength = 512;
    private const int MaxLocalIdLength = 64;

    /// <summary>Double Metaphone's classic four-letter codes: long codes split spellings that sound alike.</summary>
    private const int PhoneticLength = DoubleMetaphone.ClassicMaxLength;

    internal void Append(PatientRecord record)
    {
        EnsureCapacity(_count + 1);
        var index = _count;
        _ids[index] = record.Id;
        ushort present = 0;
        present |= PrepareNhsNumber(index, record.NhsNumber);
        present |= PrepareNames(index, record.GivenNames, record.FamilyName);
        present |= PrepareDateOfBirth(index, record.DateOfBirth);
        present |= PrepareSex(index, record.Sex);
        present |= PreparePostcode(index, record.Postcode);
        present |= PrepareAddress(index, record.Address);
        present |= PrepareLocalIdentifier(index, record.LocalIdentifier);
        present |= PrepareEmail(index, record.Email);
        present |= PreparePhone(index, record.Phone);
        _rows[index].Present = present;
        _rows[index].Log2FullNameFrequency = float.NaN;
        _rows[index].Log2FamilyFrequency = float.NaN;
        _rows[index].Log2PostcodeFrequency = float.NaN;
        _count++;
    }

    private static ushort Bit(ComparisonKind kind) => (ushort)(1 << (int)kind);

    private ushort Mark(ComparisonKind kind, FieldState state)
    {
        CountState(kind, state);
        return state == FieldState.Present ? Bit(kind) : (ushort)0;
    }

    private ushort PrepareNhsNumber(int index, string? text)
    {
        _rows[index].NhsNumber = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Mark(ComparisonKind.NhsNumber, FieldState.Missing);
        }

        if (!NhsNumber.TryParse(text, NhsNumberStyles.Lenient, out var number))
        {
            return Mark(ComparisonKind.NhsNumber, FieldState.Invalid);
        }

        if (number.IsRepdigit)
        {
            return Mark(ComparisonKind.NhsNumber, FieldState.Placeholder);
        }

        _rows[index].NhsNumber = number.Value;
        return Mark(ComparisonKind.NhsNumber, FieldState.Present);
    }

    private ushort PrepareNames(int index, string? givenText, string? familyText)
    {
        Span<char> given = stackalloc char[MaxNameTokensLength];
        Span<char> family = stackalloc char[MaxNameTokensLength];
        var givenState = NormalizeName(givenText, given, out var givenLength);
        var familyState = NormalizeName(familyText, family, out var familyLength);
        given = given[..givenLength];
        family = family[..familyLength];

        // Slices in the arena: first given name (compact), all given names (space-separated tokens), family name
        // (compact), family name tokens. Compact forms drop the hyphens so MARY-JANE and MARYJANE agree.
        PersonName.SplitGivenNames(given, out var first, out _);
        Span<char> givenCompact = stackalloc char[MaxNameLength];
        Span<char> familyCompact = stackalloc char[MaxNameLength];
        var givenCompactLength = Compact(first, givenCompact);
        var familyCompactLength = Compact(family, familyCompact);
        ReplaceHyphens(given);
        ReplaceHyphens(family);

        var start = AppendToArena(givenCompact[..givenCompactLength]);
        AppendToArena(given);
        AppendToArena(familyCompact[..familyCompactLength]);
        AppendToArena(family);
        _rows[index].NameStart = start;
        _rows[index].GivenLength = (byte)givenCompactLength;
        _rows[index].GivenAllLength = (ushort)given.Length;
        _rows[index].FamilyLength = (byte)familyCompactLength;
        _rows[index].FamilyTokensLength = (ushort)family.Length;

        _rows[index].GivenHash = Hash(givenCompact[..givenCompactLength]);
        _rows[index].FamilyHash = Hash(familyCompact[..familyCompactLength]);
        _rows[index].NicknameId = givenCompactLength > 0 && _options.Nicknames.TryGetId(givenCompact[..givenCompactLength], out var id) ? id : -1;
        (_rows[index].GivenPhonetic, _rows[index].GivenPhoneticAlternate) = Phonetic(givenCompact[..givenCompactLength]);
        (_rows[index].FamilyPhonetic, _rows[index].FamilyPhoneticAlternate) = Phonetic(familyCompact[..familyCompactLength]);
        Span<char> soundex = stackalloc char[Soundex.MaxCodeLength];
        _rows[index].FamilySoundex = familyCompactLength > 0 && Soundex.TryEncode(familyCompact[..familyCompactLength], soundex, out var soundexLength)
            && soundexLength > 0 ? (uint)Hash(soundex[..soundexLength]) | 1 : 0;

        var state = givenCompactLength > 0 || familyCompactLength > 0 ? FieldState.Present
            : givenState == FieldState.Placeholder || familyState == FieldState.Placeholder ? FieldState.Placeholder
            : FieldState.Missing;
        return Mark(ComparisonKind.Name, state);
    }

    private static FieldState NormalizeName(string? text, Span<char> destination, out int length)
    {
        length = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return FieldState.Missing;
        }

        Span<char> scratch = stackalloc char[PersonName.GetMaxNormalizedLength(Math.Min(text.Length, MaxNameTokensLength))];
        PersonName.TryNormalize(text.AsSpan(0, Math.Min(text.Length, MaxNameTokensLength)), scratch, out var written);
        var normalized = scratch[..written];
        if (PersonName.IsPlaceholder(normalized))
        {
            return FieldState.Placeholder;
        }

        // Cut at a separator so a cut never leaves half a word behind.
        if (normalized.Length > destination.Length)
        {
            normalized = normalized[..destination.Length];
            var cut = normalized.LastIndexOfAny(' ', '-');
            normalized = cut > 0 ? normalized[..cut] : normalized;
        }

        normalized.CopyTo(destination);
        length = normalized.Length;
        return length > 0 ? FieldState.Present : FieldState.Missing;
    }

    private static int Compact(ReadOnlySpan<char> name, Span<char> destination)
    {
        var written = 0;
        foreach (var c in name)
        {
            if (c is not (' ' or '-') && written < destination.Length)
            {
                destination[written++] = c;
            }
        }

        return written;
    }

    private static void ReplaceHyphens(Span<char> name) => name.Replace('-', ' ');

    private static (uint Primary, uint Alternate) Phonetic(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return (0, 0);
        }

        Span<char> primary = stackalloc char[PhoneticLength];
        Span<char> alternate = stackalloc char[PhoneticLength];
        if (!DoubleMetaphone.TryEncode(name, primary, alternate, out var primaryLength, out var alternateLength, PhoneticLength)
            || primaryLength == 0)
        {
            return (0, 0);
        }

        var primaryCode = (uint)Hash(primary[..primaryLength]);
        var alternateCode = alternateLength == 0 ? primaryCode : (uint)Hash(alternate[..alternateLength]);
        return (primaryCode | 1, alternateCode | 1);
    }

    private ushort PrepareDateOfBirth(int index, string? text)
    {
        _rows[index].DateOfBirth = 0;
        _rows[index].DateDigits = 0;
        _rows[index].DayNumber = 0;
        _rows[index].DateFlags = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Mark(ComparisonKind.DateOfBirth, FieldState.Missing);
        }

        if (!DateOfBirth.TryParse(text, _options.DateOrder, out var date))
        {
            return Mark(ComparisonKind.DateOfBirth, FieldState.Invalid);
        }

        _rows[index].DateOfBirth = date.ToInt32();
        _rows[index].DateDigits = PairComparer.ToBcd(date.ToInt32());
        if (date.Precision == DateOfBirthPrecision.Day)
        {
            _rows[index].DayNumber = date.ToDateOnly().DayNumber;
            _rows[index].DateFlags = date.IsPossiblePlaceholder ? PairComparer.DatePlaceholder : (byte)0;
        }
        else
        {
            _rows[index].DateFlags = PairComparer.DatePartial;
        }

        return Mark(ComparisonKind.DateOfBirth, FieldState.Present);
    }

    private ushort PrepareSex(int index, string? text)
    {
        _rows[index].Sex = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Mark(ComparisonKind.Sex, FieldState.Missing);
        }

        if (!SexCodes.TryParse(text, out var sex))
        {
            return Mark(ComparisonKind.Sex, FieldState.Invalid);
        }

        if (!sex.IsMaleOrFemale())
        {
            return Mark(ComparisonKind.Sex, FieldState.Placeholder);
        }

        _rows[index].Sex = (byte)sex;
        return Mark(ComparisonKind.Sex, FieldState.Present);
    }

    private ushort PreparePostcode(int index, string? text)
    {
        _rows[index].Postcode = default;
        _rows[index].OtherPostcode = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Mark(ComparisonKind.Postcode, FieldState.Missing);
        }

        if (Postcode.TryParse(text, out var postcode))
        {
            if (postcode.IsPseudo)
            {
                return Mark(ComparisonKind.Postcode, FieldState.Placeholder);
            }

            _rows[index].Postcode = postcode;
            return Mark(ComparisonKind.Postcode, FieldState.Present);
        }

        // Not a UK postcode: an overseas patient's, or a benchmark's. Kept as upper-case letters and digits when it
        // has the shape of a postal code (3 to 10 of them, at least one digit), so "N/A" or "UNKNOWN" stay out.
        Span<char> code = stackalloc char[10];
        var length = 0;
        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (length == code.Length)
                {
                    return Mark(ComparisonKind.Postcode, FieldState.Invalid);
                }

                digits += char.IsAsciiDigit(c) ? 1 : 0;
                code[length++] = char.ToUpperInvariant(c);
            }
        }

        if (length < 3 || digits == 0)
        {
            return Mark(ComparisonKind.Postcode, FieldState.Invalid);
        }

        _rows[index].OtherPostcode = Hash(code[..length]);
        return Mark(ComparisonKind.Postcode, FieldState.Present);
    }

    private ushort PrepareAddress(int index, string? text)
    {
        _rows[index].AddressStart = 0;
        _rows[index].AddressLength = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Mark(ComparisonKind.Address, FieldState.Missing);
        }

        var source = text.AsSpan(0, Math.Min(text.Length, MaxAddressLength));
        Span<char> prepared = stackalloc char[TokenSet.GetMaxPreparedLength(source.Length)];
        TokenSet.TryPrepare(source, prepared, out var length); // the buffer is always long enough
        if (length == 0)
        {
            return Mark(ComparisonKind.Address, FieldState.Invalid);
        }

        _rows[index].AddressStart = AppendToArena(prepared[..length]);
        _rows[index].AddressLength = (ushort)length;
        return Mark(ComparisonKind.Address, FieldState.Present);
    }

    private ushort PrepareLocalIdentifier(int index, string? text)
    {
        _rows[index].LocalIdStart = 0;
        _rows[index].LocalIdLength = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Mark(ComparisonKind.LocalIdentifier, FieldState.Missing);
        }

        Span<char> id = stackalloc char[MaxLocalIdLength];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) && length < id.Length)
            {
                id[length++] = char.ToUpperInvariant(c);
            }
        }

        if (length == 0)
        {
            return Mark(ComparisonKind.LocalIdentifier, FieldState.Invalid);
        }

        _rows[index].LocalIdStart = AppendToArena(id[..length]);
        _rows[index].LocalIdLength = (byte)length;
        return Mark(ComparisonKind.LocalIdentifier, FieldState.Present);
    }

    private ushort PrepareEmail(int index, string? text)
    {
        _rows[index].Email = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Mark(ComparisonKind.Email, FieldState.Missing);
        }

        var trimmed = text.AsSpan().Trim();
        var at = trimmed.IndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1 || trimmed.Length > 320)
        {
            return Mark(ComparisonKind.Email, FieldState.Invalid);
        }

        Span<char> lower = stackalloc char[trimmed.Length];
        trimmed.ToLowerInvariant(lower);
        _rows[index].Email = Hash(lower);
        return Mark(ComparisonKind.Email, FieldState.Present);
    }

    private ushort PreparePhone(int index, string? text)
    {
        _rows[index].Phone = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Mark(ComparisonKind.Phone, FieldState.Missing);
        }

        // The last ten digits: +44 7700 900123 and 07700 900123 agree.
        long value = 0;
        long scale = 1;
        var digits = 0;
        for (var i = text.Length - 1; i >= 0 && digits < 10; i--)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                value += (text[i] - '0') * scale;
                scale *= 10;
                digits++;
            }
        }

        if (digits < 9)
        {
            return Mark(ComparisonKind.Phone, FieldState.Invalid);
        }

        _rows[index].Phone = value + scale; // the leading 1 keeps 0123... and 123... apart
        return Mark(ComparisonKind.Phone, FieldState.Present);
    }

    /// <summary>XxHash3 of the chars; never 0, which stands for "no value".</summary>
    internal static ulong Hash(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        var hash = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text));
        return hash == 0 ? 1 : hash;
    }
}
