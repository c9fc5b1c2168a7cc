namespace NhsIdentity.Demographics;

/// <summary>
/// What sort of postcode a <see cref="Postcode"/> holds. The numeric order is the first key of
/// <see cref="Postcode.CompareTo(Postcode)"/>.
/// </summary>
public enum PostcodeKind
{
    /// <summary><see cref="Postcode.Empty"/>: no postcode. The default value.</summary>
    None = 0,

    /// <summary>
    /// An ordinary Royal Mail postcode in one of the six BS 7666 shapes (<c>A9 9AA</c>, <c>A99 9AA</c>,
    /// <c>AA9 9AA</c>, <c>AA99 9AA</c>, <c>A9A 9AA</c>, <c>AA9A 9AA</c>) that passes the letter-position rules.
    /// Includes the Crown Dependencies (GY, JE, IM), Northern Ireland (BT) and the non-geographic districts
    /// (for example <c>BX</c> bulk-mail codes), since they share the format.
    /// </summary>
    Geographic = 1,

    /// <summary>
    /// <c>GIR 0AA</c>, the historic Girobank (now Santander) postcode, which breaks the letter rules
    /// (Wikipedia, "Postcodes in the United Kingdom", special cases).
    /// </summary>
    Girobank = 2,

    /// <summary>
    /// The single postcode of a British Overseas Territory in UK format, one of <c>ASCN 1ZZ</c> (Ascension Island),
    /// <c>BBND 1ZZ</c> (British Indian Ocean Territory), <c>BIQQ 1ZZ</c> (British Antarctic Territory),
    /// <c>FIQQ 1ZZ</c> (Falkland Islands), <c>PCRN 1ZZ</c> (Pitcairn Islands), <c>SIQQ 1ZZ</c> (South Georgia and
    /// the South Sandwich Islands), <c>STHL 1ZZ</c> (Saint Helena), <c>TDCU 1ZZ</c> (Tristan da Cunha) and
    /// <c>TKCA 1ZZ</c> (Turks and Caicos Islands) (Wikipedia, "Postcodes in the United Kingdom", overseas
    /// territories). Gibraltar's <c>GX11 1AA</c> has the ordinary <c>AA99 9AA</c> shape and parses as
    /// <see cref="Geographic"/>.
    /// </summary>
    OverseasTerritory = 3,

    /// <summary>
    /// A British Forces Post Office number, <c>BFPO 1</c> to <c>BFPO 9999</c> (one to four digits). BFPO numbers
    /// route mail to units, not places; the <c>BF1</c> postcodes that map to them parse as <see cref="Geographic"/>.
    /// </summary>
    Bfpo = 4,

    /// <summary>
    /// An NHS pseudo-postcode, <c>ZZ99</c> followed by an inward code: <c>ZZ99 3VZ</c> no fixed abode,
    /// <c>ZZ99 3WZ</c> address not known, <c>ZZ99 3CZ</c> England/UK not otherwise specified, <c>ZZ99 3GZ</c>
    /// Wales, <c>ZZ99 1WZ</c> Scotland, <c>ZZ99 2WZ</c> Northern Ireland, and <c>ZZ99</c> plus a country code for
    /// people normally resident abroad (NHS Wales Data Dictionary, "Postcode"; NHS England, "Commissioner
    /// assignment method 2021/22 guidance"; HES Admitted Patient Care Data Dictionary). They record that the
    /// address is <em>not</em> known, so <see cref="Postcode.IsPseudo"/> is <see langword="true"/> and
    /// the matching helpers treat them as missing.
    /// </summary>
    Pseudo = 5,
}
