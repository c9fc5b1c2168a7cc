namespace NhsIdentity.Demographics;

/// <summary>
/// The nested units of a postcode, largest first, for <see cref="Postcode.SharesPart(Postcode, PostcodePart)"/>
/// and <see cref="Postcode.GetPartKey(PostcodePart)"/>. For <c>SW1A 1AA</c>: area <c>SW</c>, district
/// <c>SW1A</c> (the outward code), sector <c>SW1A 1</c>, unit <c>SW1A 1AA</c> (Royal Mail PAF terminology).
/// </summary>
public enum PostcodePart
{
    /// <summary>The postcode area: the one or two leading letters (<c>SW</c>, <c>M</c>).</summary>
    Area = 0,

    /// <summary>The postcode district: the whole outward code (<c>SW1A</c>, <c>M1</c>).</summary>
    District = 1,

    /// <summary>The postcode sector: the district plus the inward digit (<c>SW1A 1</c>).</summary>
    Sector = 2,

    /// <summary>The postcode unit: the whole postcode (<c>SW1A 1AA</c>).</summary>
    Unit = 3,
}
