using System.Globalization;
using NhsIdentity.Demographics;
using NhsIdentity.Synthetic;
using NhsIdentity.Text;

namespace NhsIdentity.Tests.Synthetic;

public sealed class ErrorProfileTests
{
    private static readonly Lazy<List<SupplierRow>> GpRows = new(() =>
        SupplierExtract.Generate(SyntheticSamples.Population, SupplierDialect.Gp, ErrorProfile.Default, 77).ToList());

    private static IReadOnlyList<SyntheticPerson> Population => SyntheticSamples.Population;

    public static TheoryData<RecordErrors> Errors() =>
    [
        RecordErrors.MissingNhsNumber, RecordErrors.NameTypo, RecordErrors.Nickname, RecordErrors.DayMonthSwap,
        RecordErrors.DateOfBirthDigit, RecordErrors.DateOfBirthPlaceholder, RecordErrors.MovedHouse, RecordErrors.MissingField,
        RecordErrors.SurnameChange, RecordErrors.NameSwap, RecordErrors.CaseAndSpacing, RecordErrors.SurnamePart,
    ];

    [Theory]
    [MemberData(nameof(Errors))]
    public void Each_error_appears_at_its_rate_among_the_rows_it_can_apply_to(RecordErrors error)
    {
        var profile = ErrorProfile.Default;
        var rate = RateOf(profile, error);
        var eligible = 0;
        var flagged = 0;
        foreach (var row in GpRows.Value)
        {
            var person = Population[row.PersonId];
            if (!IsEligible(error, person, row.Errors))
            {
                Assert.False(row.Errors.HasFlag(error), error + " on a row it cannot apply to");
                continue;
            }

            eligible++;
            flagged += row.Errors.HasFlag(error) ? 1 : 0;
        }

        // Four standard deviations of a binomial share: fails for a wrong rate, not for chance.
        var observed = (double)flagged / eligible;
        var tolerance = 4 * Math.Sqrt(rate * (1 - rate) / eligible);
        Assert.True(eligible > 300, error + ": only " + eligible + " eligible rows");
        Assert.InRange(observed, rate - tolerance, rate + tolerance);
    }

    [Fact]
    public void Coverage_and_duplicates_follow_the_profile()
    {
        var rows = GpRows.Value;
        var persons = rows.Select(r => r.PersonId).Distinct().Count();
        var duplicates = rows.Count(r => r.IsDuplicate);

        Assert.InRange(persons / (double)Population.Count, 0.735, 0.765);
        Assert.InRange(duplicates / (double)persons, 0.04, 0.06);
        Assert.Equal(rows.Count, persons + duplicates);
        Assert.All(rows.GroupBy(r => r.PersonId), g => Assert.True(g.Count() <= 2));
    }

    [Fact]
    public void Flagged_errors_are_visible_in_the_row()
    {
        foreach (var row in GpRows.Value)
        {
            var person = Population[row.PersonId];
            var iso = person.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.Equal(row.Errors.HasFlag(RecordErrors.MissingNhsNumber), row.NhsNumber.Length == 0);
            if (row.NhsNumber.Length != 0)
            {
                Assert.Equal(person.NhsNumber, NhsNumber.Parse(row.NhsNumber));
            }

            var dateChanged = row.Errors & (RecordErrors.DayMonthSwap | RecordErrors.DateOfBirthDigit | RecordErrors.DateOfBirthPlaceholder);
            if (row.DateOfBirth.Length != 0)
            {
                Assert.Equal(dateChanged != 0, row.DateOfBirth != iso);
            }

            if (row.Errors.HasFlag(RecordErrors.DateOfBirthPlaceholder))
            {
                Assert.EndsWith("-01-01", row.DateOfBirth, StringComparison.Ordinal);
            }

            if (row.Errors.HasFlag(RecordErrors.Nickname))
            {
                var written = row.Errors.HasFlag(RecordErrors.NameSwap) ? row.FamilyName : row.GivenNames.Split(' ')[0];
                if ((row.Errors & (RecordErrors.NameTypo | RecordErrors.CaseAndSpacing | RecordErrors.MissingField)) == 0)
                {
                    Assert.True(NicknameTable.Default.AreEquivalent(person.GivenName.ToUpperInvariant(), written.ToUpperInvariant()), person.GivenName + " / " + written);
                }
            }

            if ((row.Errors & ~RecordErrors.MissingNhsNumber) == 0)
            {
                Assert.Equal(person.GivenNames, row.GivenNames);
                Assert.Equal(person.FamilyName, row.FamilyName);
                Assert.Equal(person.Address.Postcode, row.Postcode);
            }

            if (row.Errors.HasFlag(RecordErrors.MovedHouse) && row.Postcode.Length != 0 && !row.Errors.HasFlag(RecordErrors.CaseAndSpacing))
            {
                Assert.NotEqual(person.Address.Postcode, row.Postcode);
            }
        }
    }

    [Fact]
    public void Typos_are_one_edit_away()
    {
        var rows = GpRows.Value.Where(r => r.Errors == RecordErrors.NameTypo).ToList();

        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var person = Population[row.PersonId];
            var distance = NhsIdentity.Text.Similarity.OptimalStringAlignment.Distance(person.GivenNames, row.GivenNames)
                + NhsIdentity.Text.Similarity.OptimalStringAlignment.Distance(person.FamilyName, row.FamilyName);
            Assert.Equal(1, distance);
        }
    }

    [Theory]
    [InlineData(SupplierDialect.Pas)]
    [InlineData(SupplierDialect.Gp)]
    public void The_none_profile_writes_every_person_once_as_the_truth(SupplierDialect dialect)
    {
        var population = SyntheticPopulation.Generate(2_000, 8);
        var rows = SupplierExtract.Generate(population, dialect, ErrorProfile.None, 9).ToList();

        Assert.Equal(population.Count, rows.Count);
        Assert.Equal(population.Count, rows.Select(r => r.PersonId).Distinct().Count());
        foreach (var row in rows)
        {
            var person = population[row.PersonId];
            Assert.Equal(RecordErrors.None, row.Errors);
            Assert.Equal(person.NhsNumber, NhsNumber.Parse(row.NhsNumber));
            Assert.Equal(person.Address.Postcode, row.Postcode);
            if (dialect == SupplierDialect.Pas)
            {
                Assert.Equal((person.GivenName, person.FamilyName.ToUpperInvariant()), (row.GivenNames, row.FamilyName));
                Assert.Equal(person.DateOfBirth, DateOnly.ParseExact(row.DateOfBirth, "dd/MM/yyyy", CultureInfo.InvariantCulture));
                Assert.Equal(person.Sex == Sex.Male ? "M" : "F", row.Sex);
                Assert.Equal(person.HospitalNumber, row.Id);
                Assert.Matches("^[0-9]{10}$", row.NhsNumber);
            }
            else
            {
                Assert.Equal((person.GivenNames, person.FamilyName), (row.GivenNames, row.FamilyName));
                Assert.Equal(person.DateOfBirth, DateOnly.ParseExact(row.DateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture));
                Assert.Equal(person.Sex == Sex.Male ? "male" : "female", row.Sex);
                Assert.Matches("^[0-9]{3} [0-9]{3} [0-9]{4}$", row.NhsNumber);
                Assert.Contains(person.Address.Street, row.Address, StringComparison.Ordinal);
            }
        }
    }

    private static double RateOf(ErrorProfile profile, RecordErrors error) => error switch
    {
        RecordErrors.MissingNhsNumber => profile.MissingNhsNumber,
        RecordErrors.NameTypo => profile.NameTypo,
        RecordErrors.Nickname => profile.Nickname,
        RecordErrors.DayMonthSwap => profile.DayMonthSwap,
        RecordErrors.DateOfBirthDigit => profile.DateOfBirthDigit,
        RecordErrors.DateOfBirthPlaceholder => profile.DateOfBirthPlaceholder,
        RecordErrors.MovedHouse => profile.MovedHouse,
        RecordErrors.MissingField => profile.MissingField,
        RecordErrors.SurnameChange => profile.SurnameChange,
        RecordErrors.NameSwap => profile.NameSwap,
        RecordErrors.CaseAndSpacing => profile.CaseAndSpacing,
        RecordErrors.SurnamePart => profile.SurnamePart,
        _ => throw new ArgumentOutOfRangeException(nameof(error)),
    };

    /// <summary>Which rows an error can apply to (its rate is per eligible row; see <see cref="ErrorProfile"/>).</summary>
    private static bool IsEligible(RecordErrors error, SyntheticPerson person, RecordErrors applied)
    {
        var date = person.DateOfBirth;
        return error switch
        {
            RecordErrors.SurnameChange => person.Sex == Sex.Female && date.Year <= 2007,
            RecordErrors.SurnamePart => person.FamilyName.Contains('-', StringComparison.Ordinal) && !applied.HasFlag(RecordErrors.SurnameChange),
            RecordErrors.Nickname => NicknameTable.Default.TryGetId(person.GivenName.ToUpperInvariant(), out var id) && !NicknameTable.Default.GetEquivalentIds(id).IsEmpty,
            RecordErrors.DateOfBirthPlaceholder => !(date.Day == 1 && date.Month == 1),
            RecordErrors.DayMonthSwap => date.Day <= 12 && date.Day != date.Month && !applied.HasFlag(RecordErrors.DateOfBirthPlaceholder),
            // The digit error is drawn only when no other date error applied, and can fail (rarely) to find a real date.
            RecordErrors.DateOfBirthDigit => (applied & (RecordErrors.DateOfBirthPlaceholder | RecordErrors.DayMonthSwap)) == 0,
            _ => true,
        };
    }
}
