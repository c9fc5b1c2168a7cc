using System.Runtime.CompilerServices;

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

    internal long NhsNumberValue(int i) => _rows[i].NhsNumber;

    internal ReadOnlySpan<char> Given(int i) => Given(in _rows[i]);

    internal ulong GivenHash(int i) => _rows[i].GivenHash;

    /// <summary>The date of birth as <c>yyyyMMdd</c> (partial dates have zeros for the missing parts).</summary>
    internal int DateOfBirthValue(int i) => _rows[i].DateOfBirth;

    internal NhsIdentity.Text.NicknameTable Nicknames => _options.Nicknames;
}
