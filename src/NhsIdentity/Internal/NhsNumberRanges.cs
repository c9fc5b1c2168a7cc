namespace NhsIdentity.Internal;

/// <summary>
/// The base ranges behind <see cref="NhsNumberRegion"/>; the sources are cited on that enum. Classification and
/// generation both read these constants so the two cannot drift apart.
/// </summary>
internal static class NhsNumberRanges
{
    public const int ScotlandFirst = 010_100_000;
    public const int ScotlandLast = 311_299_999;
    public const int NorthernIrelandFirst = 320_000_001;
    public const int NorthernIrelandLast = 399_999_999;
    public const int EnglandFirstBlockFirst = 400_000_000;
    public const int EnglandFirstBlockLast = 499_999_999;
    public const int EnglandSecondBlockFirst = 600_000_000;
    public const int EnglandSecondBlockLast = 799_999_999;
    public const int SyntheticFirst = 900_000_000;
    public const int SyntheticLast = 998_999_999;
    public const int TestFirst = 999_000_000;
    public const int TestLast = 999_999_999;

    public static NhsNumberRegion Classify(int nineDigitBase) => nineDigitBase switch
    {
        < ScotlandFirst => NhsNumberRegion.Unallocated,
        <= ScotlandLast => NhsNumberRegion.ScotlandChi,
        < NorthernIrelandFirst => NhsNumberRegion.Unallocated,
        <= NorthernIrelandLast => NhsNumberRegion.NorthernIrelandHealthAndCare,
        <= EnglandFirstBlockLast => NhsNumberRegion.EnglandWalesIsleOfMan,
        < EnglandSecondBlockFirst => NhsNumberRegion.Unallocated,
        <= EnglandSecondBlockLast => NhsNumberRegion.EnglandWalesIsleOfMan,
        < SyntheticFirst => NhsNumberRegion.Unallocated,
        <= SyntheticLast => NhsNumberRegion.Synthetic,
        _ => NhsNumberRegion.Test,
    };
}
