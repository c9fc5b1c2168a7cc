using System.Runtime.InteropServices;
using NhsIdentity.Demographics;

namespace NhsIdentity.Matching;

/// <summary>
/// One record's prepared features, stored together. Scoring a pair reads most of these, so one record's features
/// sit in two or three adjacent cache lines instead of one line in each of thirty column arrays (the column layout
/// cost a cache miss per field once a record set outgrew the L2 cache).
/// </summary>
/// <remarks>
/// The fields every pair reads come first; those read only on some levels (phonetic codes, term frequencies) or for
/// rarely present fields (email, phone, local identifier) come after. Text lives in the set's char arena; these
/// hold its offsets and lengths. Each field is written by the preparation of the comparison that reads it
/// (<c>Matching/Comparisons</c>); a row starts zeroed.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
internal struct PreparedRow
{
    public ulong GivenHash;
    public ulong FamilyHash;
    public long NhsNumber;
    public Postcode Postcode;

    /// <summary>The date of birth as <c>yyyyMMdd</c> (partial dates have zeros for the missing parts).</summary>
    public int DateOfBirth;

    /// <summary>The date of birth's eight digits as packed BCD (see <see cref="Comparisons.DateOfBirthComparison.ToBcd"/>).</summary>
    public uint DateDigits;

    public int NameStart;
    public int AddressStart;

    /// <summary>One bit per comparison (<see cref="ComparisonKind"/> value) whose value is present.</summary>
    public ushort Present;
    public ushort GivenAllLength;
    public ushort FamilyTokensLength;
    public ushort AddressLength;
    public byte GivenLength;
    public byte FamilyLength;
    public byte DateFlags;
    public byte Sex;
    public int DayNumber;

    // Read only on some levels or for fields most records lack.
    public uint GivenPhonetic;
    public uint GivenPhoneticAlternate;
    public uint FamilyPhonetic;
    public uint FamilyPhoneticAlternate;

    /// <summary>log2 of how often the record's full name occurs in its set; NaN when not measured.</summary>
    public float Log2FullNameFrequency;

    /// <summary>log2 of how often the record's family name occurs in its set; NaN when not measured.</summary>
    public float Log2FamilyFrequency;

    /// <summary>log2 of how often the record's full postcode occurs in its set; NaN when not measured.</summary>
    public float Log2PostcodeFrequency;

    /// <summary>log2 of how often the record's first given name occurs in its set; NaN when not measured.</summary>
    public float Log2GivenFrequency;

    public int NicknameId;
    public ulong OtherPostcode;
    public ulong Email;
    public long Phone;
    public int LocalIdStart;
    public uint FamilySoundex;
    public byte LocalIdLength;

    /// <summary>The GP practice's ODS code, hashed to 32 bits (non-zero when present); fills what was padding.</summary>
    public uint GpPractice;
}
