namespace NhsIdentity.Matching;

// Growth of the column arrays. Only the constructors and PatientIndex's writer append: a constructed set is complete
// before anyone can read it, and PatientIndex grows and mutates its set only under its write lock, so no reader
// sees a half-grown column. Every column is listed here, in the constructor and in MoveSlot
// (RecordSet.Mutation.cs): a new column must be added to all three.
public sealed partial class RecordSet
{
    /// <summary>The number of fields counted: one per <see cref="ComparisonKind"/>.</summary>
    internal const int FieldSlots = 9;

    private void EnsureCapacity(int count)
    {
        if (count <= _ids.Length)
        {
            return;
        }

        var capacity = Math.Max(count, _ids.Length * 2);
        Array.Resize(ref _ids, capacity);
        Array.Resize(ref _nhsNumber, capacity);
        Array.Resize(ref _nameStart, capacity);
        Array.Resize(ref _givenLength, capacity);
        Array.Resize(ref _givenAllLength, capacity);
        Array.Resize(ref _familyLength, capacity);
        Array.Resize(ref _familyTokensLength, capacity);
        Array.Resize(ref _givenHash, capacity);
        Array.Resize(ref _familyHash, capacity);
        Array.Resize(ref _nicknameId, capacity);
        Array.Resize(ref _givenPhonetic, capacity);
        Array.Resize(ref _givenPhoneticAlternate, capacity);
        Array.Resize(ref _familyPhonetic, capacity);
        Array.Resize(ref _familyPhoneticAlternate, capacity);
        Array.Resize(ref _familySoundex, capacity);
        Array.Resize(ref _dateOfBirth, capacity);
        Array.Resize(ref _dayNumber, capacity);
        Array.Resize(ref _dateDigits, capacity);
        Array.Resize(ref _dateFlags, capacity);
        Array.Resize(ref _sex, capacity);
        Array.Resize(ref _postcode, capacity);
        Array.Resize(ref _otherPostcode, capacity);
        Array.Resize(ref _addressStart, capacity);
        Array.Resize(ref _addressLength, capacity);
        Array.Resize(ref _localIdStart, capacity);
        Array.Resize(ref _localIdLength, capacity);
        Array.Resize(ref _email, capacity);
        Array.Resize(ref _phone, capacity);
        Array.Resize(ref _fullNameFrequency, capacity);
        Array.Resize(ref _familyFrequency, capacity);
        Array.Resize(ref _postcodeFrequency, capacity);
        Array.Resize(ref _present, capacity);
    }

    /// <summary>Copies text into the shared arena and returns where it starts.</summary>
    private int AppendToArena(ReadOnlySpan<char> text)
    {
        if (_arenaLength + text.Length > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaLength + text.Length));
        }

        var start = _arenaLength;
        text.CopyTo(_arena.AsSpan(start));
        _arenaLength += text.Length;
        return start;
    }

    private void CountState(ComparisonKind field, FieldState state) => _counts[((int)field * 4) + (int)state]++;

    private void UncountState(ComparisonKind field, FieldState state) => _counts[((int)field * 4) + (int)state]--;
}
