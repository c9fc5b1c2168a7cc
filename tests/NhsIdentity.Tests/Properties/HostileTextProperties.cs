using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Demographics;
using NhsIdentity.Matching;
using NhsIdentity.Tests.TestHelpers;
using NhsIdentity.Text;
using NhsIdentity.Text.Phonetics;
using NhsIdentity.Text.Similarity;

namespace NhsIdentity.Tests.Properties;

/// <summary>
/// Issue 6 §4: arbitrary Unicode text (<see cref="HostileTextArbitraries"/>) fed to every public <c>Try*</c> API of
/// the library. Each call must not throw (except an exception its XML doc names, such as <see cref="FormatException"/>
/// for an unknown format letter); on failure its out values must be the documented ones (<c>default</c>, or -1 where
/// the doc says so) and a destination must be left untouched; and where the API is documented allocation-free, the
/// failure path must allocate nothing (measured with <see cref="GC.GetAllocatedBytesForCurrentThread"/> around a
/// second call, the first having warmed up JIT, static tables and thread-local scratch).
/// </summary>
/// <remarks>
/// For a successful call the only promise checked here is "no exception": what success returns is each API's own
/// tests' business. The APIs that take a number rather than text (<c>TryFromBase</c>, <c>TryFromValue</c>,
/// <c>TryFromInt32</c>, <c>TryGetDateOnly</c>, <c>TryGetChiDetails</c>) get arbitrary numbers instead.
/// </remarks>
[Collection(AllocationMeasurements.Name)]
public sealed class HostileTextProperties
{
    private const char Sentinel = '\uA5A5';
    private const byte ByteSentinel = 0xA5;

    private static readonly NhsNumber SampleNumber = NhsNumber.Parse("9990000018");
    private static readonly Postcode SamplePostcode = Postcode.Parse("LS1 4AP");
    private static readonly DateOfBirth SampleDate = new(1961, 3, 5);

    private enum Outcome
    {
        Succeeded,
        FailedAsDocumented,
        FailedWithUndocumentedOutValues,
        FailedWhereItMustSucceed,
    }

    private enum Allocation
    {
        /// <summary>The doc promises nothing about allocation.</summary>
        NotDocumented,

        /// <summary>Documented allocation-free: the failure path must allocate nothing.</summary>
        None,

        /// <summary>Allocation-free up to <see cref="HostileTextArbitraries.StackScratchLength"/> chars (longer text rents from the pool).</summary>
        NoneUpToStackScratch,
    }

    private sealed record Probe<T>(string Api, Func<T, Outcome> Call, Allocation Allocation, Type? DocumentedException = null);

    private static Outcome Failed(bool documented) => documented ? Outcome.FailedAsDocumented : Outcome.FailedWithUndocumentedOutValues;

    private static Outcome Of(bool ok, bool failureValuesAsDocumented) => ok ? Outcome.Succeeded : Failed(failureValuesAsDocumented);

    private static Outcome MustSucceed(bool ok) => ok ? Outcome.Succeeded : Outcome.FailedWhereItMustSucceed;

    // ---- Parsers: UTF-16 -------------------------------------------------------------------------------------------

    private static readonly Probe<string>[] TextParsers =
    [
        new("NhsNumber.TryParse(ReadOnlySpan<char>, out)", static t => Of(NhsNumber.TryParse(t.AsSpan(), out var r), r == default), Allocation.None),
        new("NhsNumber.TryParse(ReadOnlySpan<char>, Lenient, out)", static t => Of(NhsNumber.TryParse(t.AsSpan(), NhsNumberStyles.Lenient, out var r), r == default), Allocation.None),
        new("NhsNumber.TryParse(ReadOnlySpan<char>, Strict, out, out)", static t => Of(NhsNumber.TryParse(t.AsSpan(), NhsNumberStyles.Strict, out var r, out var s), r == default && s != NhsNumberStatus.Valid), Allocation.None),
        new("NhsNumber.TryParse(ReadOnlySpan<char>, Lenient, out, out)", static t => Of(NhsNumber.TryParse(t.AsSpan(), NhsNumberStyles.Lenient, out var r, out var s), r == default && s != NhsNumberStatus.Valid), Allocation.None),
        new("NhsNumber.TryParse(string, out)", static t => Of(NhsNumber.TryParse(t, out var r), r == default), Allocation.None),
        new("NhsNumber.TryParse(string, Strict, out)", static t => Of(NhsNumber.TryParse(t, NhsNumberStyles.Strict, out var r), r == default), Allocation.None),
        new("NhsNumber.TryParse(string, IFormatProvider, out)", static t => Of(NhsNumber.TryParse(t, null, out var r), r == default), Allocation.None),
        new("NhsNumber.TryParse(ReadOnlySpan<char>, IFormatProvider, out)", static t => Of(NhsNumber.TryParse(t.AsSpan(), null, out var r), r == default), Allocation.None),

        new("Postcode.TryParse(ReadOnlySpan<char>, out)", static t => Of(Postcode.TryParse(t.AsSpan(), out var r), r == default), Allocation.None),
        new("Postcode.TryParse(ReadOnlySpan<char>, Lenient, out)", static t => Of(Postcode.TryParse(t.AsSpan(), PostcodeStyles.Lenient, out var r), r == default), Allocation.None),
        new("Postcode.TryParse(ReadOnlySpan<char>, Strict, out, out)", static t => Of(Postcode.TryParse(t.AsSpan(), PostcodeStyles.Strict, out var r, out var s), r == default && s != PostcodeStatus.Valid), Allocation.None),
        new("Postcode.TryParse(ReadOnlySpan<char>, Lenient, out, out)", static t => Of(Postcode.TryParse(t.AsSpan(), PostcodeStyles.Lenient, out var r, out var s), r == default && s != PostcodeStatus.Valid), Allocation.None),
        new("Postcode.TryParse(string, out)", static t => Of(Postcode.TryParse(t, out var r), r == default), Allocation.None),
        new("Postcode.TryParse(string, Strict, out)", static t => Of(Postcode.TryParse(t, PostcodeStyles.Strict, out var r), r == default), Allocation.None),
        new("Postcode.TryParse(string, IFormatProvider, out)", static t => Of(Postcode.TryParse(t, null, out var r), r == default), Allocation.None),
        new("Postcode.TryParse(ReadOnlySpan<char>, IFormatProvider, out)", static t => Of(Postcode.TryParse(t.AsSpan(), null, out var r), r == default), Allocation.None),

        new("DateOfBirth.TryParse(ReadOnlySpan<char>, out)", static t => Of(DateOfBirth.TryParse(t.AsSpan(), out var r), r == default), Allocation.None),
        new("DateOfBirth.TryParse(ReadOnlySpan<char>, MonthDayYear, out)", static t => Of(DateOfBirth.TryParse(t.AsSpan(), DateOrder.MonthDayYear, out var r), r == default), Allocation.None),
        new("DateOfBirth.TryParse(ReadOnlySpan<char>, DayMonthYear, out, out)", static t => Of(DateOfBirth.TryParse(t.AsSpan(), DateOrder.DayMonthYear, out var r, out var s), r == default && s != DateOfBirthStatus.Valid), Allocation.None),
        new("DateOfBirth.TryParse(ReadOnlySpan<char>, MonthDayYear, out, out)", static t => Of(DateOfBirth.TryParse(t.AsSpan(), DateOrder.MonthDayYear, out var r, out var s), r == default && s != DateOfBirthStatus.Valid), Allocation.None),
        new("DateOfBirth.TryParse(ReadOnlySpan<char>, YearMonthDay, out, out)", static t => Of(DateOfBirth.TryParse(t.AsSpan(), DateOrder.YearMonthDay, out var r, out var s), r == default && s != DateOfBirthStatus.Valid), Allocation.None),
        new("DateOfBirth.TryParse(string, out)", static t => Of(DateOfBirth.TryParse(t, out var r), r == default), Allocation.None),
        new("DateOfBirth.TryParse(string, YearMonthDay, out)", static t => Of(DateOfBirth.TryParse(t, DateOrder.YearMonthDay, out var r), r == default), Allocation.None),
        new("DateOfBirth.TryParse(string, IFormatProvider, out)", static t => Of(DateOfBirth.TryParse(t, null, out var r), r == default), Allocation.None),
        new("DateOfBirth.TryParse(ReadOnlySpan<char>, IFormatProvider, out)", static t => Of(DateOfBirth.TryParse(t.AsSpan(), null, out var r), r == default), Allocation.None),

        new("SexCodes.TryParse(ReadOnlySpan<char>, out)", static t => Of(SexCodes.TryParse(t.AsSpan(), out var r), r == default), Allocation.None),
        new("SexCodes.TryParse(string, out)", static t => Of(SexCodes.TryParse(t, out var r), r == default), Allocation.None),

        // The class doc: "looked up by normalised name tokens with no allocation"; the failure value is documented as -1.
        new("NicknameTable.TryGetId(ReadOnlySpan<char>, out)", static t => Of(NicknameTable.Default.TryGetId(t.AsSpan(), out var id), id == -1), Allocation.None),
        new("ComparisonDefinition.TryGet, TryGetLevel and TryGetParameter for every comparison", static t => AllLevels(t), Allocation.NotDocumented),
    ];

    // ---- Encoders and normalisers: the failure path is a too-short destination, which must be left untouched ---------

    private static readonly Probe<string>[] TextWriters =
    [
        new("Soundex.TryEncode into 1 char", static t => IntoOneChar(t, static (t, d) => (Soundex.TryEncode(t, d, out var n), n)), Allocation.None),
        new("Caverphone2.TryEncode into 1 char", static t => IntoOneChar(t, static (t, d) => (Caverphone2.TryEncode(t, d, out var n), n)), Allocation.None),
        new("Nysiis.TryEncode into 1 char", static t => IntoOneChar(t, static (t, d) => (Nysiis.TryEncode(t, d, out var n), n)), Allocation.None),
        new("Nysiis.TryEncode(maxLength 2) into 1 char", static t => IntoOneChar(t, static (t, d) => (Nysiis.TryEncode(t, d, out var n, 2), n)), Allocation.None),
        new("Nysiis.TryEncode(maxLength MaxValue) into 1 char", static t => IntoOneChar(t, static (t, d) => (Nysiis.TryEncode(t, d, out var n, int.MaxValue), n)), Allocation.None),
        new("DoubleMetaphone.TryEncode into 1 char", static t => IntoOneChar(t, static (t, d) => (DoubleMetaphone.TryEncode(t, d, out var n), n)), Allocation.None),
        new("DoubleMetaphone.TryEncode(maxLength MaxValue) into 1 char", static t => IntoOneChar(t, static (t, d) => (DoubleMetaphone.TryEncode(t, d, out var n, int.MaxValue), n)), Allocation.None),
        new("DoubleMetaphone.TryEncode(primary, alternate) into 1 char each", static t => DoubleMetaphoneIntoOneCharEach(t, DoubleMetaphone.DefaultMaxLength), Allocation.None),
        new("DoubleMetaphone.TryEncode(primary, alternate, maxLength 1) into 1 char each", static t => DoubleMetaphoneIntoOneCharEach(t, 1), Allocation.None),
        new("TokenSet.TryPrepare into 1 char", static t => IntoOneChar(t, static (t, d) => (TokenSet.TryPrepare(t, d, out var n), n)), Allocation.NoneUpToStackScratch),
        new("PersonName.TryNormalize into 1 char", static t => IntoOneChar(t, static (t, d) => (PersonName.TryNormalize(t, d, out var n), n)), Allocation.NoneUpToStackScratch),

        // With room enough they must succeed (their docs: false "only when the destination is too short").
        new("Soundex.TryEncode with room", static t => MustSucceed(Soundex.TryEncode(t, new char[8], out _)), Allocation.NotDocumented),
        new("Caverphone2.TryEncode with room", static t => MustSucceed(Caverphone2.TryEncode(t, new char[Caverphone2.MaxCodeLength], out _)), Allocation.NotDocumented),
        new("Nysiis.TryEncode(maxLength MaxValue) with room", static t => MustSucceed(Nysiis.TryEncode(t, new char[(3 * t.Length) + 8], out _, int.MaxValue)), Allocation.NotDocumented),
        new("DoubleMetaphone.TryEncode(primary, alternate, MaxValue) with room", static t => MustSucceed(DoubleMetaphone.TryEncode(t, new char[(3 * t.Length) + 8], new char[(3 * t.Length) + 8], out _, out _, int.MaxValue)), Allocation.NotDocumented),
        new("TokenSet.TryPrepare with GetMaxPreparedLength", static t => MustSucceed(TokenSet.TryPrepare(t, new char[TokenSet.GetMaxPreparedLength(t.Length)], out _)), Allocation.NotDocumented),
        new("PersonName.TryNormalize with GetMaxNormalizedLength", static t => MustSucceed(PersonName.TryNormalize(t, new char[PersonName.GetMaxNormalizedLength(t.Length)], out _)), Allocation.NotDocumented),
    ];

    // ---- TryFormat with an arbitrary format string: FormatException is documented for an unknown format -------------

    private static readonly Probe<string>[] Formatters =
    [
        new("NhsNumber.TryFormat(Span<char>, format) into 1 char", static f => FormatIntoOneChar(SampleNumber, f), Allocation.None, typeof(FormatException)),
        new("NhsNumber.TryFormat(Span<byte>, format) into 1 byte", static f => FormatIntoOneByte(SampleNumber, f), Allocation.None, typeof(FormatException)),
        new("Postcode.TryFormat(Span<char>, format) into 1 char", static f => FormatIntoOneChar(SamplePostcode, f), Allocation.None, typeof(FormatException)),
        new("Postcode.TryFormat(Span<byte>, format) into 1 byte", static f => FormatIntoOneByte(SamplePostcode, f), Allocation.None, typeof(FormatException)),
        new("DateOfBirth.TryFormat(Span<char>, format) into 1 char", static f => FormatIntoOneChar(SampleDate, f), Allocation.None, typeof(FormatException)),
        new("DateOfBirth.TryFormat(Span<byte>, format) into 1 byte", static f => FormatIntoOneByte(SampleDate, f), Allocation.None, typeof(FormatException)),
        new("NhsNumber.TryFormat(Span<char>, format) with room", static f => MustSucceed(SampleNumber.TryFormat(new char[64], out _, f)), Allocation.NotDocumented, typeof(FormatException)),
        new("Postcode.TryFormat(Span<char>, format) with room", static f => MustSucceed(SamplePostcode.TryFormat(new char[64], out _, f)), Allocation.NotDocumented, typeof(FormatException)),
        new("DateOfBirth.TryFormat(Span<char>, format) with room", static f => MustSucceed(SampleDate.TryFormat(new char[64], out _, f)), Allocation.NotDocumented, typeof(FormatException)),
    ];

    // ---- Parsers: UTF-8 ----------------------------------------------------------------------------------------------

    private static readonly Probe<byte[]>[] Utf8Parsers =
    [
        new("NhsNumber.TryParse(ReadOnlySpan<byte>, out)", static b => Of(NhsNumber.TryParse(b, out var r), r == default), Allocation.None),
        new("NhsNumber.TryParse(ReadOnlySpan<byte>, Strict, out)", static b => Of(NhsNumber.TryParse(b, NhsNumberStyles.Strict, out var r), r == default), Allocation.None),
        new("NhsNumber.TryParse(ReadOnlySpan<byte>, Lenient, out, out)", static b => Of(NhsNumber.TryParse(b, NhsNumberStyles.Lenient, out var r, out var s), r == default && s != NhsNumberStatus.Valid), Allocation.None),
        new("NhsNumber.TryParse(ReadOnlySpan<byte>, IFormatProvider, out)", static b => Of(NhsNumber.TryParse(b, null, out var r), r == default), Allocation.None),
        new("Postcode.TryParse(ReadOnlySpan<byte>, out)", static b => Of(Postcode.TryParse(b, out var r), r == default), Allocation.None),
        new("Postcode.TryParse(ReadOnlySpan<byte>, Strict, out)", static b => Of(Postcode.TryParse(b, PostcodeStyles.Strict, out var r), r == default), Allocation.None),
        new("Postcode.TryParse(ReadOnlySpan<byte>, Lenient, out, out)", static b => Of(Postcode.TryParse(b, PostcodeStyles.Lenient, out var r, out var s), r == default && s != PostcodeStatus.Valid), Allocation.None),
        new("Postcode.TryParse(ReadOnlySpan<byte>, IFormatProvider, out)", static b => Of(Postcode.TryParse(b, null, out var r), r == default), Allocation.None),
        new("DateOfBirth.TryParse(ReadOnlySpan<byte>, out)", static b => Of(DateOfBirth.TryParse(b, out var r), r == default), Allocation.None),
        new("DateOfBirth.TryParse(ReadOnlySpan<byte>, MonthDayYear, out)", static b => Of(DateOfBirth.TryParse(b, DateOrder.MonthDayYear, out var r), r == default), Allocation.None),
        new("DateOfBirth.TryParse(ReadOnlySpan<byte>, YearMonthDay, out, out)", static b => Of(DateOfBirth.TryParse(b, DateOrder.YearMonthDay, out var r, out var s), r == default && s != DateOfBirthStatus.Valid), Allocation.None),
        new("DateOfBirth.TryParse(ReadOnlySpan<byte>, DayMonthYear, out, out)", static b => Of(DateOfBirth.TryParse(b, DateOrder.DayMonthYear, out var r, out var s), r == default && s != DateOfBirthStatus.Valid), Allocation.None),
        new("DateOfBirth.TryParse(ReadOnlySpan<byte>, IFormatProvider, out)", static b => Of(DateOfBirth.TryParse(b, null, out var r), r == default), Allocation.None),
        new("SexCodes.TryParse(ReadOnlySpan<byte>, out)", static b => Of(SexCodes.TryParse(b, out var r), r == default), Allocation.None),
    ];

    [Property(MaxTest = 1000)]
    public Property Text_parsers_never_throw_fail_to_their_documented_values_and_allocate_nothing_on_failure() =>
        Prop.ForAll(HostileTextArbitraries.Text, text => Check(TextParsers, text, text.Length));

    [Property(MaxTest = 1000)]
    public Property Encoders_and_normalisers_never_throw_and_leave_a_too_short_destination_untouched() =>
        Prop.ForAll(HostileTextArbitraries.Text, text => Check(TextWriters, text, text.Length));

    [Property(MaxTest = 500)]
    public Property TryFormat_with_any_format_text_throws_only_FormatException_and_leaves_a_too_short_destination_untouched() =>
        Prop.ForAll(HostileTextArbitraries.Text, format => Check(Formatters, format, format.Length));

    [Property(MaxTest = 1000)]
    public Property Utf8_parsers_never_throw_fail_to_default_and_allocate_nothing_on_failure() =>
        Prop.ForAll(HostileTextArbitraries.Utf8, bytes => Check(Utf8Parsers, bytes, bytes.Length));

    [Property(MaxTest = 3000)]
    public Property Numeric_Try_APIs_never_throw_and_fail_to_default(int number, long value, int pivotYear)
    {
        var failures = new List<string>();

        // FsCheck's integers are small; spread half of them over the whole base range (reaching every region, CHI
        // included) and keep the rest as they come (negative and tiny values).
        var nineDigitBase = number % 2 == 0 ? (int)((uint)number * 2_654_435_761u % 1_000_000_000u) : number;
        if (!NhsNumber.TryFromBase(nineDigitBase, out var fromBase) && fromBase != default)
        {
            failures.Add("NhsNumber.TryFromBase: out value is not default on failure");
        }

        // Values near the valid range are the interesting ones; fold an arbitrary long into 0..2e10 half the time.
        var candidate = value % 2 == 0 ? Math.Abs(value % 20_000_000_000) : value;
        if (!NhsNumber.TryFromValue(candidate, out var fromValue) && fromValue != default)
        {
            failures.Add("NhsNumber.TryFromValue: out value is not default on failure");
        }

        var packed = number % 3 == 0 ? 18_000_000 + (int)((uint)number * 2_654_435_761u % 40_000_000u) : number;
        var dateOk = DateOfBirth.TryFromInt32(packed, out var date);
        if (!dateOk && date != default)
        {
            failures.Add("DateOfBirth.TryFromInt32: out value is not default on failure");
        }

        if (!date.TryGetDateOnly(out var dateOnly) && dateOnly != default)
        {
            failures.Add("DateOfBirth.TryGetDateOnly: out value is not default on failure");
        }

        // TryGetChiDetails documents ArgumentOutOfRangeException for a pivot year outside 100..9999; nothing else may escape.
        var pivot = pivotYear % 2 == 0 ? 100 + Math.Abs(pivotYear % 9_900) : pivotYear;
        foreach (var candidateNumber in (ReadOnlySpan<NhsNumber>)[fromBase, fromValue, default])
        {
            try
            {
                if (!candidateNumber.TryGetChiDetails(pivot, out var chiDate, out var sex) && (chiDate != default || sex != Sex.Unknown))
                {
                    failures.Add("NhsNumber.TryGetChiDetails: out values are not default/Unknown on failure");
                }
            }
            catch (ArgumentOutOfRangeException) when (pivot is < 100 or > 9999)
            {
            }
        }

        Assert.Empty(failures);
        return true.ToProperty();
    }

    [Fact]
    public void The_allocation_check_sees_an_allocating_failure_path()
    {
        // Guards the measurement: a probe that allocates on failure must be caught by Check.
        Probe<string>[] allocating = [new("allocates on failure", static t => Failed(t.ToCharArray().Length >= 0), Allocation.None)];
        var failure = Assert.ThrowsAny<Exception>(() => Check(allocating, "hostile", 7));
        Assert.Contains("allocated", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_out_value_check_sees_an_undocumented_failure_value()
    {
        Probe<string>[] sloppy = [new("leaves a value behind", static _ => Failed(documented: false), Allocation.NotDocumented)];
        var failure = Assert.ThrowsAny<Exception>(() => Check(sloppy, "hostile", 7));
        Assert.Contains("out values", failure.Message, StringComparison.Ordinal);
    }

    private static bool Check<T>(Probe<T>[] probes, T input, int length)
    {
        var failures = new List<string>();
        foreach (var probe in probes)
        {
            Outcome outcome;
            try
            {
                outcome = probe.Call(input);
            }
            catch (Exception exception) when (probe.DocumentedException?.IsInstanceOfType(exception) == true)
            {
                continue;
            }
            catch (Exception exception)
            {
                failures.Add($"{probe.Api}: threw {exception.GetType().Name}: {exception.Message}");
                continue;
            }

            switch (outcome)
            {
                case Outcome.FailedWithUndocumentedOutValues:
                    failures.Add($"{probe.Api}: failed with out values (or destination) other than documented");
                    continue;
                case Outcome.FailedWhereItMustSucceed:
                    failures.Add($"{probe.Api}: returned false with a long enough destination");
                    continue;
                case Outcome.Succeeded:
                    continue;
            }

            var measured = probe.Allocation == Allocation.None
                || (probe.Allocation == Allocation.NoneUpToStackScratch && length <= HostileTextArbitraries.StackScratchLength);
            if (measured && AllocatedBy(probe.Call, input) is var bytes and not 0)
            {
                failures.Add($"{probe.Api}: allocated {bytes} bytes on the failure path");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        return true;
    }

    /// <summary>The fewest bytes one call allocated over a few calls after a warm-up: the API is deterministic, so if
    /// it allocates every call does, while the runtime's own occasional allocations on this thread (tiering, a
    /// thread's first use of a pool) fall on one call at most and would make the property fail only under load.</summary>
    private static long AllocatedBy<T>(Func<T, Outcome> call, T input)
    {
        _ = call(input);
        var fewest = long.MaxValue;
        for (var round = 0; round < 3 && fewest != 0; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            _ = call(input);
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return fewest;
    }

    private static Outcome AllLevels(string text)
    {
        foreach (var definition in ComparisonDefinition.All)
        {
            if ((!definition.TryGetLevel(text, out var level) && level != -1)
                || (!definition.TryGetParameter(text, out var parameter) && parameter != -1))
            {
                return Outcome.FailedWithUndocumentedOutValues;
            }
        }

        // An unknown comparison name fails with null.
        return !ComparisonDefinition.TryGet(text, out var found) && found is not null
            ? Outcome.FailedWithUndocumentedOutValues
            : Outcome.FailedAsDocumented;
    }

    private delegate (bool Ok, int Written) Writer(ReadOnlySpan<char> text, Span<char> destination);

    /// <summary>Writes into a one-char destination: a longer result must fail, write nothing and report 0.</summary>
    private static Outcome IntoOneChar(string text, Writer write)
    {
        Span<char> destination = [Sentinel];
        var (ok, written) = write(text, destination);
        return ok
            ? written <= 1 ? Outcome.Succeeded : Outcome.FailedWithUndocumentedOutValues
            : Failed(written == 0 && destination[0] == Sentinel);
    }

    private static Outcome DoubleMetaphoneIntoOneCharEach(string text, int maxLength)
    {
        Span<char> primary = [Sentinel];
        Span<char> alternate = [Sentinel];
        var ok = DoubleMetaphone.TryEncode(text, primary, alternate, out var primaryWritten, out var alternateWritten, maxLength);
        return Of(ok, primaryWritten == 0 && alternateWritten == 0 && primary[0] == Sentinel && alternate[0] == Sentinel);
    }

    private static Outcome FormatIntoOneChar<T>(T value, string format)
        where T : ISpanFormattable
    {
        Span<char> destination = [Sentinel];
        return Of(value.TryFormat(destination, out var written, format, null), written == 0 && destination[0] == Sentinel);
    }

    private static Outcome FormatIntoOneByte<T>(T value, string format)
        where T : IUtf8SpanFormattable
    {
        Span<byte> destination = [ByteSentinel];
        return Of(value.TryFormat(destination, out var written, format, null), written == 0 && destination[0] == ByteSentinel);
    }
}
