using System.Runtime.CompilerServices;
using NhsIdentity.Demographics;

namespace NhsIdentity.Matching;

// Read access to the prepared features for the comparisons, blocking and the index. Internal: the row layout is
// an implementation detail that may change between releases.
public sealed partial class RecordSet
{
    /// <summary>A record's prepared features, by reference (the scorer reads a pair's two rows directly).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ref readonly PreparedRow Row(int i) => ref _rows[i];

    internal ReadOnlySpan<char> Given(in PreparedRow row) => _arena.AsSpan(row.NameStart, row.GivenLength);

    internal ReadOnlySpan<char> GivenTokens(in PreparedRow row) => _arena.AsSpan(row.NameStart + row.GivenLength, row.GivenAllLength);

    internal ReadOnlySpan<char> Family(in PreparedRow row) =>
        _arena.AsSpan(row.NameStart + row.GivenLength + row.GivenAllLength, row.FamilyLength);

    internal ReadOnlySpan<char> FamilyTokens(in PreparedRow row) =>
        _arena.AsSpan(row.NameStart + row.GivenLength + row.GivenAllLength + row.FamilyLength, row.FamilyTokensLength);

    internal ReadOnlySpan<char> AddressTokens(in PreparedRow row) => _arena.AsSpan(row.AddressStart, row.AddressLength);

    internal ReadOnlySpan<char> LocalIdentifier(in PreparedRow row) => _arena.AsSpan(row.LocalIdStart, row.LocalIdLength);

    /// <summary>Whether the given or family name has more than one token: only then is a token list longer than the
    /// compact form (MARY-JANE is MARYJANE compact and MARY JANE as tokens, so it counts as two).</summary>
    internal static bool HasSeveralNameTokens(in PreparedRow row) =>
        row.GivenAllLength != row.GivenLength || row.FamilyTokensLength != row.FamilyLength;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool IsPresent(int i, ComparisonKind kind) => (_rows[i].Present & (1 << (int)kind)) != 0;

    internal ushort PresentMask(int i) => _rows[i].Present;

    internal long NhsNumberValue(int i) => _rows[i].NhsNumber;

    internal ReadOnlySpan<char> Given(int i) => _arena.AsSpan(_rows[i].NameStart, _rows[i].GivenLength);

    internal ReadOnlySpan<char> GivenTokens(int i) => _arena.AsSpan(_rows[i].NameStart + _rows[i].GivenLength, _rows[i].GivenAllLength);

    internal ReadOnlySpan<char> Family(int i) =>
        _arena.AsSpan(_rows[i].NameStart + _rows[i].GivenLength + _rows[i].GivenAllLength, _rows[i].FamilyLength);

    internal ReadOnlySpan<char> FamilyTokens(int i) =>
        _arena.AsSpan(_rows[i].NameStart + _rows[i].GivenLength + _rows[i].GivenAllLength + _rows[i].FamilyLength, _rows[i].FamilyTokensLength);

    internal ulong GivenHash(int i) => _rows[i].GivenHash;

    internal ulong FamilyHash(int i) => _rows[i].FamilyHash;

    internal int NicknameId(int i) => _rows[i].NicknameId;

    internal uint GivenPhonetic(int i) => _rows[i].GivenPhonetic;

    internal uint GivenPhoneticAlternate(int i) => _rows[i].GivenPhoneticAlternate;

    internal uint FamilyPhonetic(int i) => _rows[i].FamilyPhonetic;

    internal uint FamilyPhoneticAlternate(int i) => _rows[i].FamilyPhoneticAlternate;

    internal uint FamilySoundex(int i) => _rows[i].FamilySoundex;

    /// <summary>The date of birth as <c>yyyyMMdd</c> (partial dates have zeros for the missing parts).</summary>
    internal int DateOfBirthValue(int i) => _rows[i].DateOfBirth;

    internal int DayNumber(int i) => _rows[i].DayNumber;

    /// <summary>The date of birth's eight digits as packed BCD (see <see cref="PairComparer.ToBcd"/>).</summary>
    internal uint DateDigits(int i) => _rows[i].DateDigits;

    internal byte DateFlags(int i) => _rows[i].DateFlags;

    internal byte SexValue(int i) => _rows[i].Sex;

    internal Postcode PostcodeValue(int i) => _rows[i].Postcode;

    internal ulong OtherPostcode(int i) => _rows[i].OtherPostcode;

    internal ReadOnlySpan<char> AddressTokens(int i) => _arena.AsSpan(_rows[i].AddressStart, _rows[i].AddressLength);

    internal ReadOnlySpan<char> LocalIdentifier(int i) => _arena.AsSpan(_rows[i].LocalIdStart, _rows[i].LocalIdLength);

    internal ulong EmailHash(int i) => _rows[i].Email;

    internal long PhoneValue(int i) => _rows[i].Phone;




    internal NhsIdentity.Text.NicknameTable Nicknames => _options.Nicknames;
}
