using NhsIdentity.Internal;

namespace NhsIdentity.Demographics;

public readonly partial struct Postcode
{
    /// <summary>The postcode area, <c>SW</c> for <c>SW1A 1AA</c> (format <c>"A"</c>; allocates). See <see cref="GetPartKey(PostcodePart)"/> for the special kinds.</summary>
    public string Area => ToString("A");

    /// <summary>The postcode district, <c>SW1A</c> for <c>SW1A 1AA</c> (format <c>"D"</c>; allocates). For BFPO, the whole postcode.</summary>
    public string District => ToString("D");

    /// <summary>The postcode sector, <c>SW1A 1</c> for <c>SW1A 1AA</c> (format <c>"S"</c>; allocates). For BFPO, the whole postcode.</summary>
    public string Sector => ToString("S");

    /// <summary>The text before the space, <c>SW1A</c> for <c>SW1A 1AA</c>, <c>BFPO</c> for <c>BFPO 123</c> (format <c>"O"</c>; allocates).</summary>
    public string OutwardCode => ToString("O");

    /// <summary>The text after the space, <c>1AA</c> for <c>SW1A 1AA</c>, <c>123</c> for <c>BFPO 123</c> (format <c>"I"</c>; allocates).</summary>
    public string InwardCode => ToString("I");

    /// <summary>
    /// An integer key for <paramref name="part"/> of this postcode, for hashing and blocking without strings: two
    /// postcodes have equal non-zero keys for a part exactly when they share that part.
    /// </summary>
    /// <param name="part">The part: area, district, sector or unit.</param>
    /// <returns>
    /// A non-zero key, or 0 when there is no location to compare: <see cref="Empty"/> and pseudo-postcodes
    /// (<see cref="IsPseudo"/>), which a matcher must treat as missing. The special kinds have parts too:
    /// <c>GIR 0AA</c> and each overseas-territory code is its own area, district, sector and unit (as text their area
    /// and district are the outward code, <c>GIR</c> or <c>ASCN</c>); all BFPO postcodes share one area
    /// (<c>BFPO</c>), and a BFPO number is at once its district, sector and unit, because BFPO numbers route to
    /// units, not places, and have no finer levels. Keys of different kinds never collide.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="part"/> is not a defined value.</exception>
    public long GetPartKey(PostcodePart part)
    {
        var mask = part switch
        {
            PostcodePart.Area => PostcodeEncoding.AreaSlots,
            PostcodePart.District => PostcodeEncoding.DistrictSlots,
            PostcodePart.Sector => PostcodeEncoding.SectorSlots,
            PostcodePart.Unit => PostcodeEncoding.UnitSlots,
            _ => UndefinedPart(nameof(part)),
        };

        switch (Kind)
        {
            case PostcodeKind.Geographic:
                return (long)(_bits & (PostcodeEncoding.KindBits | mask));
            case PostcodeKind.Bfpo:
                return part == PostcodePart.Area ? (long)(_bits & PostcodeEncoding.KindBits) : (long)_bits;
            case PostcodeKind.None:
            case PostcodeKind.Pseudo:
                return 0;
            default:
                return (long)_bits;
        }
    }

    /// <summary>
    /// Whether this postcode and <paramref name="other"/> share <paramref name="part"/>: same area, district,
    /// sector or unit. Always <see langword="false"/> when either is <see cref="Empty"/> or a pseudo-postcode, so a
    /// missing address never counts as agreement. Sharing a finer part implies sharing every coarser one.
    /// </summary>
    /// <param name="other">The other postcode.</param>
    /// <param name="part">The part to compare.</param>
    /// <returns>Whether both have the part and it is the same. Allocates nothing.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="part"/> is not a defined value.</exception>
    public bool SharesPart(Postcode other, PostcodePart part)
    {
        var key = GetPartKey(part);
        return key != 0 && key == other.GetPartKey(part);
    }

    private static ulong UndefinedPart(string paramName)
    {
        PostcodeThrowHelper.ThrowUndefinedPart(paramName);
        return 0;
    }
}
