using System.Globalization;
using System.Text.Json;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;
using NhsIdentity.Matching.Training;
using Xunit.Abstractions;

namespace NhsIdentity.Tests.Matching;

/// <summary>
/// Scores and training of release f2e3b64 (before comparisons became definitions), reproduced to the bit: the records
/// are the bundled synthetic extracts as that release's script read them (with invented phone numbers and email
/// addresses derived from them, so every comparison of that release takes part), the model is what it trained, and
/// the scores are what it gave every candidate pair (Data/f2e3b64/golden.fsx made all three).
/// </summary>
public sealed class ReleaseRegressionTests(ITestOutputHelper output)
{
    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "f2e3b64", name);

    private static readonly Lazy<RecordSet> Records = new(() =>
    {
        var records = new List<PatientRecord>();
        foreach (var line in File.ReadLines(Data("golden-records.jsonl")))
        {
            var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(line)!;
            string? Get(string key) => fields.TryGetValue(key, out var value) ? value : null;
            records.Add(new PatientRecord
            {
                Id = Get("id"),
                NhsNumber = Get("nhsNumber"),
                GivenNames = Get("givenNames"),
                FamilyName = Get("familyName"),
                DateOfBirth = Get("dateOfBirth"),
                Sex = Get("sex"),
                Postcode = Get("postcode"),
                Address = Get("address"),
                LocalIdentifier = Get("localIdentifier"),
                Phone = Get("phone"),
                Email = Get("email"),
            });
        }

        return new RecordSet(records);
    });

    [Fact]
    public void Every_golden_pair_scores_to_the_bit_with_the_same_decision_and_levels()
    {
        var set = Records.Value;
        var model = MatchModel.Load(File.OpenRead(Data("golden-trained-model-v1.json")));
        var lines = File.ReadAllLines(Data("golden-scores.csv"));
        Assert.True(lines.Length > 1_000);
        var released = 0;
        foreach (var line in lines.Skip(1))
        {
            var parts = line.Split(',');
            int left = int.Parse(parts[0], CultureInfo.InvariantCulture), right = int.Parse(parts[1], CultureInfo.InvariantCulture);
            var score = model.Score(set, left, set, right);
            Assert.Equal(long.Parse(parts[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture), BitConverter.DoubleToInt64Bits(score.Weight));

            // The decision moved on purpose in matcher v2 part 2: the identity-evidence rule's hand rules on names,
            // dates and twins are gone, and only different valid NHS numbers still cap a pair at review. Every
            // decision is what that policy makes of the released weight, and any pair the old rule did not cap keeps
            // the released decision.
            var nhsDifferent = parts[4].Split(' ')[0] == nameof(NhsIdentity.Matching.Comparisons.NhsNumberLevel.Different);
            var expected = score.Probability >= model.Policy.MatchProbability ? (nhsDifferent ? MatchDecision.Review : MatchDecision.Match)
                : score.Probability >= model.Policy.ReviewProbability ? MatchDecision.Review : MatchDecision.NonMatch;
            Assert.Equal(expected, score.Decision);
            if (parts[3] == score.Decision.ToString())
            {
                released++;
            }
            else
            {
                Assert.Equal((nameof(MatchDecision.Review), MatchDecision.Match), (parts[3], score.Decision));
            }

            var levels = string.Join(' ', model.Explain(set, left, set, right).Outcomes.Select(o => o.LevelName));
            Assert.Equal(parts[4], levels);
        }

        Assert.True(released > lines.Length * 9 / 10, $"{released} of {lines.Length - 1} decisions as released");
    }

    /// <summary>The release's default blocking rules, in its order.</summary>
    private static readonly BlockingRule[] ReleasedRules =
    [
        BlockingRule.NhsNumber, BlockingRule.DateOfBirthAndFamilySoundex, BlockingRule.DateOfBirthAndGivenInitial, BlockingRule.FullName,
        BlockingRule.FamilySoundexBirthYearAndDistrict, BlockingRule.PostcodeAndBirthYear, BlockingRule.LocalIdentifier, BlockingRule.Email,
        BlockingRule.Phone,
    ];

    [Fact]
    public void The_linker_finds_the_same_candidate_pairs_with_the_releases_rules()
    {
        var set = Records.Value;
        var model = MatchModel.Load(File.OpenRead(Data("golden-trained-model-v1.json")));
        var result = new Linker(model, LinkOptions.Default with { MinimumDecision = MatchDecision.NonMatch, BlockingRules = ReleasedRules })
            .Deduplicate(set);
        Assert.Equal(ReleasedPairs(), result.Pairs.Select(Describe));
    }

    [Fact]
    public void Todays_default_rules_find_the_releases_pairs_and_more_only_through_the_rules_added_since()
    {
        // The name Soundex set with birth year and the date of birth alone were added for pairs where two keys break at
        // once (issue 13, item 4), postcode with given initial and family Soundex with given initial and birth year for
        // records with a missing or partial date, the same address for pairs whose names, date and postcode all break;
        // every other default rule is the release's.
        var set = Records.Value;
        var model = MatchModel.Load(File.OpenRead(Data("golden-trained-model-v1.json")));
        var result = new Linker(model, LinkOptions.Default with { MinimumDecision = MatchDecision.NonMatch }).Deduplicate(set);
        var released = ReleasedPairs().ToHashSet(StringComparer.Ordinal);
        var added = BlockingRule.Defaults.Except(ReleasedRules).ToArray();
        Assert.Equal(
            [BlockingRule.NameSoundexSetAndBirthYear, BlockingRule.DateOfBirth, BlockingRule.PostcodeAndGivenInitial,
             BlockingRule.Address, BlockingRule.FamilySoundexGivenInitialAndBirthYear], added);
        Assert.Subset(result.Pairs.Select(Describe).ToHashSet(StringComparer.Ordinal), released);
        var extra = result.Pairs.Where(p => !released.Contains(Describe(p))).ToList();
        Assert.NotEmpty(extra);
        foreach (var pair in extra)
        {
            Assert.Contains(added, rule => Blocks(rule, set, pair));
            Assert.DoesNotContain(ReleasedRules, rule => Blocks(rule, set, pair));
        }

        output.WriteLine($"{released.Count} pairs with the release's rules; {extra.Count} more with today's");
    }

    private static IEnumerable<string> ReleasedPairs() =>
        File.ReadLines(Data("golden-scores.csv")).Skip(1).Select(l => string.Join(',', l.Split(',').Take(2)));

    private static string Describe(MatchPair pair) =>
        pair.LeftIndex.ToString(CultureInfo.InvariantCulture) + "," + pair.RightIndex.ToString(CultureInfo.InvariantCulture);

    private static bool Blocks(BlockingRule rule, RecordSet set, MatchPair pair)
    {
        var key = rule.GetKey(set, pair.LeftIndex);
        return key != 0 && key == rule.GetKey(set, pair.RightIndex);
    }

    [Fact]
    public void Training_on_the_golden_records_with_the_releases_comparisons_learns_a_model_close_to_the_released_one()
    {
        // Training changed by design in matcher v2 part 2 (posterior m and u with a prior of PriorStrength pairs,
        // fallbacks to starting values, weights kept in declared order, λ from NHS-number labels or posterior-weighted
        // rule pairs), so the released model is no longer reproduced to the bit. What must hold is that, started from
        // the release's comparisons, it learns much the same judgement: the same prior within a quarter, and every
        // level the new trainer estimated (no fallback, no ordering adjustment) within a bit and a half, or between the
        // released and starting values where the release had few pairs to go on.
        var old = MatchModel.Load(File.OpenRead(Data("golden-trained-model-v1.json")));
        var start = new MatchModel(MatchModel.DefaultPriorMatchProbability,
            old.Comparisons.Select(c => ComparisonDefinition.Get(c.Comparison).DefaultModel), DecisionPolicy.Default);
        var result = ModelTrainer.Train(Records.Value, TrainingOptions.Default with { Seed = 20261206, StartingModel = start });
        var trained = result.Model;
        Assert.InRange(trained.PriorMatchProbability / old.PriorMatchProbability, 0.8, 1.25);
        var compared = 0;
        foreach (var comparison in old.Comparisons)
        {
            var levels = trained.GetComparison(comparison.Comparison)!.Levels;
            for (var level = 0; level < levels.Count; level++)
            {
                var kept = result.Fallbacks.Any(f => f.Comparison == comparison.Comparison && (f.Level is null || f.Level == level))
                    || result.Adjustments.Any(a => a.Comparison == comparison.Comparison && a.Level == level);
                if (!kept)
                {
                    compared++;
                    var released = comparison.Levels[level].Weight;
                    var now = levels[level].Weight;
                    var starting = start.GetComparison(comparison.Comparison)!.Levels[level].Weight;
                    output.WriteLine($"{comparison.Comparison} level {level}: released {released:F2}, now {now:F2}, starting {starting:F2}");

                    // A level the release measured on few pairs (m below 1%) is now pulled towards its starting value
                    // by the prior, so it lies between the two; the others stay within a bit and a half.
                    var shrunk = comparison.Levels[level].M < 0.01 && now >= Math.Min(released, starting) - 0.01 && now <= Math.Max(released, starting) + 0.01;
                    Assert.True(Math.Abs(now - released) <= 1.5 || shrunk,
                        $"{comparison.Comparison} level {level}: {released:F2} released, {now:F2} now, {starting:F2} at the start");
                }
            }
        }

        Assert.True(compared >= 20, $"{compared} levels compared");
    }
}
