namespace NhsIdentity.Synthetic;

/// <summary>A household's address: an optional flat, house number and street, town or area, and a real GB postcode.</summary>
/// <param name="Flat">The flat (<c>"Flat 3"</c>), or an empty string for a house.</param>
/// <param name="Street">House number and invented street name (<c>"12 Church Road"</c>).</param>
/// <param name="Town">The town or area (the postcode's primary care trust area in the source table).</param>
/// <param name="Postcode">A real GB postcode in <c>OUT IN</c> form (it identifies about 15 addresses, not a person).</param>
public sealed record SyntheticAddress(string Flat, string Street, string Town, string Postcode)
{
    /// <summary>Returns a description without the address itself (synthetic, but the habit matters).</summary>
    /// <returns><c>SyntheticAddress</c>.</returns>
    public override string ToString() => nameof(SyntheticAddress);
}
