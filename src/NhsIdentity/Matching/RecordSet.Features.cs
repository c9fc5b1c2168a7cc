using System.Runtime.CompilerServices;
using NhsIdentity.Demographics;

namespace NhsIdentity.Matching;

// Read access to the prepared columns for the comparisons, blocking and the index. Internal: the column layout is
// an implementation detail that may change between releases.
public sealed partial class RecordSet
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool IsPresent(int i, ComparisonKind kind) => (_present[i] & (1 << (int)kind)) != 0;

    internal ushort PresentMask(int i) => _present[i];

    internal long NhsNumberValue(int i) => _nhsNumber[i];

    internal ReadOnlySpan<char> Given(int i) => _arena.AsSpan(_nameStart[i], _givenLength[i]);

    internal ReadOnlySpan<char> GivenTokens(int i) => _arena.AsSpan(_nameStart[i] + _givenLength[i], _givenAllLength[i]);

    internal ReadOnlySpan<char> Family(int i) =>
        _arena.AsSpan(_nameStart[i] + _givenLength[i] + _givenAllLength[i], _familyLength[i]);

    internal ReadOnlySpan<char> FamilyTokens(int i) =>
        _arena.AsSpan(_nameStart[i] + _givenLength[i] + _givenAllLength[i] + _familyLength[i], _familyTokensLength[i]);

    /// <summary>Whether the given or family name has more than one token: only then is a token list longer than the
    /// compact form (MARY-JANE is MARYJANE compact and MARY JANE as tokens, so it counts as two).</summary>
    internal bool HasSeveralNameTokens(int i) => _givenAllLength[i] != _givenLength[i] || _familyTokensLength[i] != _familyLength[i];

    internal ulong GivenHash(int i) => _givenHash[i];

    internal ulong FamilyHash(int i) => _familyHash[i];

    internal int NicknameId(int i) => _nicknameId[i];

    internal uint GivenPhonetic(int i) => _givenPhonetic[i];

    internal uint GivenPhoneticAlternate(int i) => _givenPhoneticAlternate[i];

    internal uint FamilyPhonetic(int i) => _familyPhonetic[i];

    internal uint FamilyPhoneticAlternate(int i) => _familyPhoneticAlternate[i];

    internal uint FamilySoundex(int i) => _familySoundex[i];

    /// <summary>The date of birth as <c>yyyyMMdd</c> (partial dates have zeros for the missing parts).</summary>
    internal int DateOfBirthValue(int i) => _dateOfBirth[i];

    internal int DayNumber(int i) => _dayNumber[i];

    /// <summary>The date of birth's eight digits as packed BCD (see <see cref="PairComparer.ToBcd"/>).</summary>
    internal uint DateDigits(int i) => _dateDigits[i];

    internal byte DateFlags(int i) => _dateFlags[i];

    internal byte SexValue(int i) => _sex[i];

    internal Postcode PostcodeValue(int i) => _postcode[i];

    internal ulong OtherPostcode(int i) => _otherPostcode[i];

    internal ReadOnlySpan<char> AddressTokens(int i) => _arena.AsSpan(_addressStart[i], _addressLength[i]);

    internal ReadOnlySpan<char> LocalIdentifier(int i) => _arena.AsSpan(_localIdStart[i], _localIdLength[i]);

    internal ulong EmailHash(int i) => _email[i];

    internal long PhoneValue(int i) => _phone[i];

    internal float FullNameFrequency(int i) => _fullNameFrequency[i];

    internal float FamilyFrequency(int i) => _familyFrequency[i];

    internal float PostcodeFrequency(int i) => _postcodeFrequency[i];

    internal NhsIdentity.Text.NicknameTable Nicknames => _options.Nicknames;
}
