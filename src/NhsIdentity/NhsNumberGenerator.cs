using NhsIdentity.Internal;

namespace NhsIdentity;

/// <summary>
/// Generates NHS numbers for test data, uniformly over the valid numbers of one region, from a caller-supplied
/// random source (there is no hidden static generator, so a seed reproduces a run).
/// </summary>
/// <remarks>
/// <para>
/// The default region is <see cref="NhsNumberRegion.Test"/> (the 999 range), which is never issued to patients:
/// use it unless a test needs another range. Other regions are opt-in.
/// </para>
/// <para>
/// Uniformity: a base is drawn uniformly from the region and redrawn while its check value is 10 (about 1 in 11)
/// or its number is a repdigit such as <c>999 999 9999</c> (see <see cref="NhsNumber.IsRepdigit"/>: suppliers type
/// those as "unknown", so test data must not contain them). Every base has at most one valid number, so the
/// result is uniform over the region's valid numbers other than repdigits.
/// <see cref="NhsNumberRegion.ScotlandChi"/> numbers are drawn over real DDMMYY dates (every day of 2000-2099,
/// which covers each DDMMYY that is a date in any century exactly once) and three uniform digits, so
/// <see cref="NhsNumber.TryGetChiDetails"/> decodes every one of them with a pivot year from 2000 to 2099 (with an
/// earlier pivot, <c>290200</c> means 29 February 1900, which did not exist).
/// </para>
/// <para>
/// Not thread-safe, like <see cref="Random"/>: give each thread its own generator. <see cref="Next"/> and
/// <see cref="Fill"/> allocate nothing.
/// </para>
/// </remarks>
public sealed class NhsNumberGenerator
{
    private static readonly DateOnly ChiFirstDate = new(2000, 1, 1);
    private static readonly int ChiDayCount = new DateOnly(2100, 1, 1).DayNumber - ChiFirstDate.DayNumber;

    private const int EnglandFirstBlockSize = NhsNumberRanges.EnglandFirstBlockLast - NhsNumberRanges.EnglandFirstBlockFirst + 1;
    private const int EnglandSecondBlockSize = NhsNumberRanges.EnglandSecondBlockLast - NhsNumberRanges.EnglandSecondBlockFirst + 1;

    private readonly Random _random;

    /// <summary>Creates a generator of <see cref="NhsNumberRegion.Test"/> numbers drawing from <paramref name="random"/>.</summary>
    /// <param name="random">The random source; the generator does not share it with anything else.</param>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is <see langword="null"/>.</exception>
    public NhsNumberGenerator(Random random)
        : this(random, NhsNumberRegion.Test)
    {
    }

    /// <summary>Creates a generator of numbers in <paramref name="region"/> drawing from <paramref name="random"/>.</summary>
    /// <param name="random">The random source.</param>
    /// <param name="region">
    /// The range to draw from: <see cref="NhsNumberRegion.Test"/>, <see cref="NhsNumberRegion.Synthetic"/>,
    /// <see cref="NhsNumberRegion.EnglandWalesIsleOfMan"/>, <see cref="NhsNumberRegion.ScotlandChi"/> or
    /// <see cref="NhsNumberRegion.NorthernIrelandHealthAndCare"/>.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="region"/> is <see cref="NhsNumberRegion.None"/>, <see cref="NhsNumberRegion.Unallocated"/> or undefined.</exception>
    public NhsNumberGenerator(Random random, NhsNumberRegion region)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (region is not (NhsNumberRegion.Test or NhsNumberRegion.Synthetic or NhsNumberRegion.EnglandWalesIsleOfMan
            or NhsNumberRegion.ScotlandChi or NhsNumberRegion.NorthernIrelandHealthAndCare))
        {
            throw new ArgumentOutOfRangeException(nameof(region), "Numbers can be generated in the Test, Synthetic, EnglandWalesIsleOfMan, ScotlandChi and NorthernIrelandHealthAndCare regions.");
        }

        _random = random;
        Region = region;
    }

    /// <summary>Creates a generator of <see cref="NhsNumberRegion.Test"/> numbers from a seed.</summary>
    /// <param name="seed">The seed; the same seed gives the same numbers.</param>
    public NhsNumberGenerator(int seed)
        : this(new Random(seed), NhsNumberRegion.Test)
    {
    }

    /// <summary>Creates a generator of numbers in <paramref name="region"/> from a seed.</summary>
    /// <param name="seed">The seed; the same seed gives the same numbers.</param>
    /// <param name="region">The range to draw from; see <see cref="NhsNumberGenerator(Random, NhsNumberRegion)"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="region"/> cannot be generated.</exception>
    public NhsNumberGenerator(int seed, NhsNumberRegion region)
        : this(new Random(seed), region)
    {
    }

    /// <summary>The region every generated number falls in.</summary>
    public NhsNumberRegion Region { get; }

    /// <summary>Returns a valid number drawn uniformly from <see cref="Region"/>, never a repdigit placeholder.</summary>
    /// <returns>A valid number in <see cref="Region"/>.</returns>
    public NhsNumber Next()
    {
        while (true)
        {
            var nineDigitBase = NextBase();
            var checkDigit = Modulus11.CheckDigitOfBase(nineDigitBase);
            if (checkDigit != Modulus11.NoCheckDigit)
            {
                var number = NhsNumber.FromValidatedValue(((long)nineDigitBase * 10) + checkDigit);
                if (!number.IsRepdigit)
                {
                    return number;
                }
            }
        }
    }

    /// <summary>Fills <paramref name="destination"/> with valid numbers, each as from <see cref="Next"/>.</summary>
    /// <param name="destination">The span to fill.</param>
    public void Fill(Span<NhsNumber> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = Next();
        }
    }

    /// <summary>
    /// Returns a ten-digit value in <see cref="Region"/> that is <em>not</em> a valid NHS number, for testing how
    /// consumers reject bad input.
    /// </summary>
    /// <param name="kind">Which check it fails.</param>
    /// <returns>The value; format it with ten digits (leading zeros kept), for example <c>value.ToString("D10")</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is undefined.</exception>
    public long NextInvalidValue(InvalidNhsNumberKind kind)
    {
        while (true)
        {
            var nineDigitBase = NextBase();
            var checkDigit = Modulus11.CheckDigitOfBase(nineDigitBase);
            switch (kind)
            {
                case InvalidNhsNumberKind.CheckValueTen when checkDigit == Modulus11.NoCheckDigit:
                    return ((long)nineDigitBase * 10) + _random.Next(10);
                case InvalidNhsNumberKind.WrongCheckDigit when checkDigit != Modulus11.NoCheckDigit:
                    // One of the nine digits other than the check digit, uniformly.
                    var wrong = _random.Next(9);
                    return ((long)nineDigitBase * 10) + (wrong >= checkDigit ? wrong + 1 : wrong);
                case InvalidNhsNumberKind.CheckValueTen:
                case InvalidNhsNumberKind.WrongCheckDigit:
                    continue;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), "Undefined InvalidNhsNumberKind value.");
            }
        }
    }

    /// <summary>
    /// Returns ten plain digits in <see cref="Region"/> that are <em>not</em> a valid NHS number.
    /// </summary>
    /// <param name="kind">Which check it fails.</param>
    /// <returns>Ten ASCII digits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is undefined.</exception>
    public string NextInvalid(InvalidNhsNumberKind kind) =>
        NextInvalidValue(kind).ToString("D10", System.Globalization.CultureInfo.InvariantCulture);

    private int NextBase()
    {
        switch (Region)
        {
            case NhsNumberRegion.Test:
                return _random.Next(NhsNumberRanges.TestFirst, NhsNumberRanges.TestLast + 1);
            case NhsNumberRegion.Synthetic:
                return _random.Next(NhsNumberRanges.SyntheticFirst, NhsNumberRanges.SyntheticLast + 1);
            case NhsNumberRegion.NorthernIrelandHealthAndCare:
                return _random.Next(NhsNumberRanges.NorthernIrelandFirst, NhsNumberRanges.NorthernIrelandLast + 1);
            case NhsNumberRegion.EnglandWalesIsleOfMan:
                // One draw over both blocks keeps the union uniform.
                var offset = _random.Next(EnglandFirstBlockSize + EnglandSecondBlockSize);
                return offset < EnglandFirstBlockSize
                    ? NhsNumberRanges.EnglandFirstBlockFirst + offset
                    : NhsNumberRanges.EnglandSecondBlockFirst + (offset - EnglandFirstBlockSize);
            default:
                var date = ChiFirstDate.AddDays(_random.Next(ChiDayCount));
                var ddmmyy = (date.Day * 10_000) + (date.Month * 100) + (date.Year % 100);
                return (ddmmyy * 1_000) + _random.Next(1_000);
        }
    }
}
