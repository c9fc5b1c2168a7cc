using System.Globalization;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Training;
using Xunit.Abstractions;

namespace NhsIdentity.Tests.Matching.Training;

/// <summary>The prior λ when the deterministic rules find many pairs of two people (issue 13, item 3): on a
/// census-style set with partial dates, counting every rule pair as a match once put λ at 3.9 times the truth.</summary>
public sealed class PriorEstimationTests(ITestOutputHelper output)
{
    [Fact]
    public void Rule_pairs_that_are_two_people_do_not_inflate_the_prior()
    {
        // No NHS numbers (so λ must come from the rules), and groups of namesakes: different people with the same
        // name and the same date of birth (a partial date read as 1 January), each at their own address. The
        // name+dob rule finds every pair inside a group.
        var (records, person) = SyntheticPeople.Create(300, seed: 19);
        var all = records.Select(r => new PatientRecord
        {
            Id = r.Id, GivenNames = r.GivenNames, FamilyName = r.FamilyName, DateOfBirth = r.DateOfBirth, Sex = r.Sex, Postcode = r.Postcode,
            Address = r.Address,
        }).ToList();
        var persons = person.ToList();
        string[] given = ["Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Noah", "Mia", "Jack", "Ivy"];
        string[] family = ["Smith", "Jones", "Taylor", "Brown"];
        string[] areas = ["LS", "M", "B", "NE", "BS", "CF", "L", "S", "NG", "LE"];
        string[] streets = ["Acacia Avenue", "Mill Lane", "Church Street", "Station Road", "Victoria Road", "Park Avenue", "High Street"];
        var random = new Random(23);
        for (var group = 0; group < 40; group++)
        {
            var birth = string.Create(CultureInfo.InvariantCulture, $"01/01/{1940 + group}");
            for (var member = 0; member < 8; member++)
            {
                all.Add(new PatientRecord
                {
                    Id = $"N{group}-{member}", GivenNames = given[group % given.Length], FamilyName = family[group / given.Length], DateOfBirth = birth,
                    Sex = random.Next(2) == 0 ? "F" : "M",
                    Postcode = string.Create(CultureInfo.InvariantCulture, $"{areas[random.Next(areas.Length)]}{1 + random.Next(15)} {random.Next(10)}AB"),
                    Address = string.Create(CultureInfo.InvariantCulture, $"{1 + random.Next(200)} {streets[random.Next(streets.Length)]}"),
                });
                persons.Add(-1 - (group * 8) - member);
            }
        }

        var set = new RecordSet(all);
        var result = ModelTrainer.Train(set);
        var truth = (double)SyntheticPeople.TruePairs([.. persons]) / result.TotalPairs;
        var countedAsMatches = result.DeterministicPairs / result.DeterministicRecall / result.TotalPairs;
        output.WriteLine($"{result}; truth {truth:G4}; every rule pair counted as a match: {countedAsMatches:G4}");

        Assert.Equal(TrainingPriorSource.DeterministicRules, result.PriorSource);
        Assert.True(countedAsMatches > 1.5 * truth, "the rules' pairs include many pairs of two people");
        // Measured: 2.6 times the truth, where counting every rule pair as a match gives 4.3 times (1.78 times while
        // training also blocked on postcode alone: that rule's pairs told EM what these namesakes cannot, but on data
        // with households it taught EM that matches differ in given name and date of birth, so it went). What is left
        // comes from EM's m on this set (eight people share each full name and birthday, which confounds both
        // training rules) and the recall estimated from those m. Within a factor of three, as on ordinary data.
        Assert.InRange(result.PriorMatchProbability, truth / 3, truth * 3);
        Assert.True(result.ExpectedDeterministicMatches < result.DeterministicPairs - (40 * 28 / 2));
    }
}
