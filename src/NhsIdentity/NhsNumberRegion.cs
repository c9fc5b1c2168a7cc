namespace NhsIdentity;

/// <summary>
/// Which issuing range an NHS number's first nine digits (its base) fall in.
/// </summary>
/// <remarks>
/// <para>
/// The UK's health numbering systems share one ten-digit modulus-11 scheme and split the base range between them.
/// Published sources agree on the blocks but differ at the edges; this library uses:
/// </para>
/// <list type="table">
/// <listheader><term>Bases</term><description>Region</description></listheader>
/// <item><term>010 100 000 – 311 299 999</term><description><see cref="ScotlandChi"/> (CHI numbers begin with a DDMMYY date of birth; NHS Scotland CHI standard).</description></item>
/// <item><term>320 000 001 – 399 999 999</term><description><see cref="NorthernIrelandHealthAndCare"/> (Health and Care number; HSC Business Services Organisation).</description></item>
/// <item><term>400 000 000 – 499 999 999 and 600 000 000 – 799 999 999</term><description><see cref="EnglandWalesIsleOfMan"/> (NHS Data Dictionary, NHS number allocation blocks).</description></item>
/// <item><term>999 000 000 – 999 999 999</term><description><see cref="Test"/>: never issued to patients; NHS Digital's test-data guidance reserves 999 numbers for testing.</description></item>
/// <item><term>900 000 000 – 998 999 999</term><description><see cref="Synthetic"/>: not issued to patients; used by national test environments (the PDS FHIR API sandbox uses 900 000 000x numbers).</description></item>
/// <item><term>everything else</term><description><see cref="Unallocated"/>.</description></item>
/// </list>
/// <para>A number's region says where its range was allocated, not where the patient lives now.</para>
/// </remarks>
public enum NhsNumberRegion
{
    /// <summary>No region: the value of <see cref="NhsNumber.Empty"/>.</summary>
    None = 0,

    /// <summary>NHS numbers issued in England, Wales and the Isle of Man (bases 400 000 000 – 499 999 999 and 600 000 000 – 799 999 999).</summary>
    EnglandWalesIsleOfMan,

    /// <summary>Scottish Community Health Index (CHI) numbers (bases 010 100 000 – 311 299 999).</summary>
    ScotlandChi,

    /// <summary>Northern Ireland Health and Care numbers (bases 320 000 001 – 399 999 999).</summary>
    NorthernIrelandHealthAndCare,

    /// <summary>The 999 test range (bases 999 000 000 – 999 999 999): never issued, safe for test data.</summary>
    Test,

    /// <summary>Other 9xx bases (900 000 000 – 998 999 999): used by national test environments, not issued to patients.</summary>
    Synthetic,

    /// <summary>Bases outside every range above.</summary>
    Unallocated,
}
