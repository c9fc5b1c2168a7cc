namespace NhsIdentity.Matching;

/// <summary>What preparation made of one field of one record (counted in <see cref="FieldCounts"/>).</summary>
internal enum FieldState : byte
{
    Missing = 0,
    Present = 1,
    Invalid = 2,
    Placeholder = 3,
}
