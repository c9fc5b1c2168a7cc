using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Synthetic;
using NhsIdentity.Text;
using NhsIdentity.Text.Similarity;

namespace NhsIdentity.Tests.Synthetic;

/// <summary>
/// Each error type of issue 13 changes what it says and only that: property tests of the small functions behind
/// them, and rows made with one error at rate 1 compared field by field with the same person's error-free row.
/// </summary>
public sealed class NewErrorTypeTests
{
    // Field positions in SupplierRow.GetFields(): PAS id, nhs, forename, surname, dob, gender, line 1-3, postcode;
    // GP id, nhs, given, family, dob, sex, address, postcode, local id.
    private const int Given = 2;
    private const int Family = 3;
    private const int Birth = 4;

    private static readonly Lazy<IReadOnlyList<SyntheticPerson>> People = new(() => SyntheticPopulation.Generate(3_000, 13, ErrorProfile.SupplierHard.Households));

    public static TheoryData<RecordErrors, SupplierDialect> Cases()
    {
        var cases = new TheoryData<RecordErrors, SupplierDialect>();
        foreach (var error in new[]
                 {
                     RecordErrors.OcrNoise, RecordErrors.GivenNameInitial, RecordErrors.NicknameAndTypo, RecordErrors.PartialDateOfBirth,
                     RecordErrors.MissingDateOfBirth, RecordErrors.NameSwapAndMove, RecordErrors.MiddleNameOneSource, RecordErrors.DoubleBarrelled,
                 })
        {
            cases.Add(error, SupplierDialect.Pas);
            cases.Add(error, SupplierDialect.Gp);
        }

        return cases;
    }

    [Property(MaxTest = 500)]
    public Property An_ocr_misreading_changes_at_most_two_characters_and_always_changes_readable_text() =>
        Prop.ForAll(Arb.From(OcrText()), Arb.From(Gen.Choose(0, int.MaxValue)), ArbMap.Default.ArbFor<bool>(), (text, seed, isPostcode) =>
        {
            var read = OcrConfusion.Apply(text, isPostcode, new Random(seed));
            return OcrConfusion.CanApply(text, isPostcode)
                ? read != text && Levenshtein.Distance(text, read) <= 2 && Math.Abs(read.Length - text.Length) <= 1
                : read == text;
        });

    [Property(MaxTest = 300)]
    public Property An_initial_keeps_the_first_letter_of_each_name() =>
        Prop.ForAll(Arb.From(Names()), ArbMap.Default.ArbFor<bool>(), (names, fullStop) =>
        {
            var initials = Initials.Of(names, fullStop).Split(' ');
            var words = names.Split(' ');
            return initials.Length == words.Length
                && initials.Zip(words).All(p => p.First[0] == p.Second[0] && p.First.Length == (fullStop ? 2 : 1) && (!fullStop || p.First[1] == '.'));
        });

    [Property(MaxTest = 300)]
    public Property A_partial_date_keeps_the_year_and_any_month_and_is_never_a_full_date() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(0, 46_000).Select(d => new DateOnly(1900, 1, 1).AddDays(d))),
            Arb.From(Gen.Elements(PartialDateKind.DayUnknown, PartialDateKind.MonthAndYear, PartialDateKind.YearOnly)),
            Arb.From(Gen.Elements((SupplierDialect.Pas, true), (SupplierDialect.Pas, false), (SupplierDialect.Gp, true), (SupplierDialect.Gp, false))),
            (date, kind, layout) =>
            {
                var (dialect, zero) = layout;
                var text = PartialDate.Write(date, dialect, kind, zero);
                var parts = text.Split(dialect == SupplierDialect.Pas ? '/' : '-');
                var year = date.Year.ToString(CultureInfo.InvariantCulture);
                var month = date.Month.ToString("D2", CultureInfo.InvariantCulture);
                var full = DateOnly.TryParseExact(text, dialect == SupplierDialect.Pas ? "dd/MM/yyyy" : "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
                string[] expected = kind == PartialDateKind.YearOnly ? [year] : dialect == SupplierDialect.Pas ? [month, year] : [year, month];
                return !full && parts.Where(p => p.Length != 0 && p != "00").SequenceEqual(expected);
            });

    [Theory]
    [MemberData(nameof(Cases))]
    public void One_error_at_rate_one_changes_only_its_fields(RecordErrors error, SupplierDialect dialect)
    {
        var clean = Rows(ErrorProfile.None, dialect);
        var noisy = Rows(WithOnly(error), dialect);
        var changing = ChangedFields(error, dialect);
        var flagged = 0;

        Assert.Equal(clean.Count, noisy.Count);
        foreach (var (person, row) in noisy)
        {
            var before = clean[person].GetFields();
            var after = row.GetFields();
            Assert.True(row.Errors == error || row.Errors == RecordErrors.None, row.Errors + " on a row made with only " + error);
            for (var field = 0; field < after.Length; field++)
            {
                if (row.Errors == RecordErrors.None || !changing.Contains(field))
                {
                    Assert.Equal(before[field], after[field]);
                }
            }

            if (row.Errors == error)
            {
                flagged++;
                Assert.NotEqual(before, after);
                AssertAsDescribed(error, dialect, People.Value[person], before, after);
            }
        }

        // Rate 1: every eligible row has it; most rows are eligible for each type (double-barrelled: all single names).
        var least = error is RecordErrors.NicknameAndTypo ? 0.3 : 0.6;
        Assert.True(flagged > least * noisy.Count, error + ": " + flagged + " of " + noisy.Count + " rows");
    }

    /// <summary>The field-specific promise of each error type, on a row that has only that error.</summary>
    private static void AssertAsDescribed(RecordErrors error, SupplierDialect dialect, SyntheticPerson person, string[] before, string[] after)
    {
        var pas = dialect == SupplierDialect.Pas;
        switch (error)
        {
            case RecordErrors.OcrNoise:
                var changed = Enumerable.Range(0, after.Length).Where(i => before[i] != after[i]).ToList();
                Assert.Single(changed);
                Assert.InRange(Levenshtein.Distance(before[changed[0]], after[changed[0]]), 1, 2);
                break;
            case RecordErrors.GivenNameInitial:
                Assert.Equal(person.GivenName[0], after[Given][0]);
                Assert.All(after[Given].Split(' '), initial => Assert.Matches("^\\p{Lu}\\.?$", initial));
                break;
            case RecordErrors.NicknameAndTypo:
                var familyEdits = OptimalStringAlignment.Distance(before[Family], after[Family]);
                var nearestNickname = Equivalents(person.GivenName).Min(n => OptimalStringAlignment.Distance(n, after[Given].Split(' ')[0].ToUpperInvariant()));
                // One typo, in the family name or the nickname (which, rarely, can land on another equivalent).
                Assert.InRange(familyEdits + nearestNickname, 0, 1);
                break;
            case RecordErrors.PartialDateOfBirth:
                Assert.Contains(person.DateOfBirth.Year.ToString(CultureInfo.InvariantCulture), after[Birth], StringComparison.Ordinal);
                Assert.True(after[Birth].Length < before[Birth].Length || after[Birth].Contains("00", StringComparison.Ordinal), after[Birth].Length + " characters");
                break;
            case RecordErrors.MissingDateOfBirth:
                Assert.Empty(after[Birth]);
                break;
            case RecordErrors.NameSwapAndMove:
                Assert.Equal(person.FamilyName, after[Given]);
                Assert.Equal(pas ? person.GivenName.ToUpperInvariant() : person.GivenName, after[Family]);
                Assert.NotEqual(before[^(pas ? 1 : 2)], after[^(pas ? 1 : 2)]);
                break;
            case RecordErrors.MiddleNameOneSource:
                var words = after[Given].Split(' ');
                Assert.Equal(person.GivenName, words[0]);
                if (pas || person.MiddleNames.Length == 0)
                {
                    Assert.Equal(2, words.Length);
                    Assert.NotEqual(person.GivenName, words[1]);
                }
                else
                {
                    Assert.Single(words);
                }

                break;
            case RecordErrors.DoubleBarrelled:
                var parts = after[Family].Split('-', ' ');
                Assert.Equal(2, parts.Length);
                Assert.Contains(before[Family], parts);
                break;
        }
    }

    private static int[] ChangedFields(RecordErrors error, SupplierDialect dialect)
    {
        int[] address = dialect == SupplierDialect.Pas ? [6, 7, 8, 9] : [6, 7];
        return error switch
        {
            RecordErrors.OcrNoise => [Given, Family, .. address],
            RecordErrors.GivenNameInitial or RecordErrors.MiddleNameOneSource => [Given],
            RecordErrors.NicknameAndTypo => [Given, Family],
            RecordErrors.PartialDateOfBirth or RecordErrors.MissingDateOfBirth => [Birth],
            RecordErrors.NameSwapAndMove => [Given, Family, .. address],
            RecordErrors.DoubleBarrelled => [Family],
            _ => throw new ArgumentOutOfRangeException(nameof(error)),
        };
    }

    /// <summary><see cref="ErrorProfile.None"/> with one new error at rate 1: every person once, in the same order as None.</summary>
    private static ErrorProfile WithOnly(RecordErrors error) => error switch
    {
        RecordErrors.OcrNoise => ErrorProfile.None with { OcrNoise = 1 },
        RecordErrors.GivenNameInitial => ErrorProfile.None with { GivenNameInitial = 1 },
        RecordErrors.NicknameAndTypo => ErrorProfile.None with { NicknameAndTypo = 1 },
        RecordErrors.PartialDateOfBirth => ErrorProfile.None with { PartialDateOfBirth = 1 },
        RecordErrors.MissingDateOfBirth => ErrorProfile.None with { MissingDateOfBirth = 1 },
        RecordErrors.NameSwapAndMove => ErrorProfile.None with { NameSwapAndMove = 1 },
        RecordErrors.MiddleNameOneSource => ErrorProfile.None with { MiddleNameOneSource = 1 },
        RecordErrors.DoubleBarrelled => ErrorProfile.None with { DoubleBarrelled = 1 },
        _ => throw new ArgumentOutOfRangeException(nameof(error)),
    };

    private static Dictionary<int, SupplierRow> Rows(ErrorProfile profile, SupplierDialect dialect) =>
        SupplierExtract.Generate(People.Value, dialect, profile, 21).ToDictionary(r => r.PersonId);

    private static List<string> Equivalents(string givenName)
    {
        var table = NicknameTable.Default;
        Assert.True(table.TryGetId(givenName.ToUpperInvariant(), out var id));
        var names = new List<string>();
        foreach (var other in table.GetEquivalentIds(id))
        {
            names.Add(table.GetName(other));
        }

        return names;
    }

    private static Gen<string> OcrText() =>
        Gen.Elements("rn", "m", "cl", "d", "li", "h", "w", "vv", "O", "Q", "I", "L", "1", "E", "F", "C", "G", "U", "V", "0", "5", "8", "S", "B", "a", "t", " ", "-")
            .ArrayOf().Select(parts => string.Concat(parts));

    private static Gen<string> Names() =>
        Gen.Elements("John", "Joan", "Mary", "Margaret", "Ēowyn", "O'Neil", "Ann-Marie", "Li", "X")
            .NonEmptyListOf().Select(names => string.Join(' ', names));
}
