namespace NhsIdentity.Matching;

/// <summary>What preparation made of one field across the records of a <see cref="RecordSet"/>.</summary>
/// <remarks>Invalid and placeholder values are treated as missing when pairs are compared; their counts say why.
/// The four counts add up to the number of records.</remarks>
/// <param name="Present">Values that were read and take part in comparisons.</param>
/// <param name="Missing">Empty or absent values.</param>
/// <param name="Invalid">Values that could not be read (an NHS number failing its check digit, a date that is not a
/// date, an email without <c>@</c>).</param>
/// <param name="Placeholder">Values that stand for "not known" (a repdigit NHS number, a <c>ZZ99</c> pseudo-postcode,
/// sex not known, a given name such as BABY).</param>
public readonly record struct FieldCounts(int Present, int Missing, int Invalid, int Placeholder)
{
    /// <summary>Gets the number of records counted: the sum of the four counts.</summary>
    public int Total => Present + Missing + Invalid + Placeholder;
}
