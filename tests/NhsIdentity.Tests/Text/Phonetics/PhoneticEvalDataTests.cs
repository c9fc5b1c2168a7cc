using NhsIdentity.Tests.TestHelpers;
using NhsIdentity.Text.Phonetics;

namespace NhsIdentity.Tests.Text.Phonetics;

/// <summary>
/// Every name in the public UK name lists (eval-data: the sdglinkage UK surname list and the ONS baby names for
/// England and Wales 1996-2018): the documented defaults hold on real names, and the oracles agree on all of them.
/// </summary>
public sealed class PhoneticEvalDataTests
{
    private static List<string> Names()
    {
        var names = new List<string>();
        foreach (var (file, header) in new[] { ("surnames_uk_sdglinkage.csv", "surname,"), ("ons_babynames_ew_1996_2018_totals.csv", "name,") })
        {
            foreach (var line in File.ReadLines(EvalData.File("lookups", file)))
            {
                if (!line.StartsWith(header, StringComparison.Ordinal))
                {
                    names.Add(line[..line.IndexOf(',', StringComparison.Ordinal)]);
                }
            }
        }

        Assert.True(names.Count > 40_000, $"expected over 40,000 names, read {names.Count}");
        return names;
    }

    [EvalDataFact]
    public void The_default_double_metaphone_length_never_truncates_a_listed_name()
    {
        foreach (var name in Names())
        {
            var full = DoubleMetaphone.Encode(name, int.MaxValue);
            Assert.True(full == DoubleMetaphone.Encode(name), $"{name} is truncated at DefaultMaxLength");
        }
    }

    [EvalDataFact]
    public void Listed_names_get_well_formed_codes_and_the_oracles_agree()
    {
        var checkedCaverphone = 0;
        foreach (var name in Names())
        {
            var letters = PhoneticEncoders.LetterCount(name);
            foreach (var encoder in PhoneticEncoders.All)
            {
                var code = encoder.Encode(name);
                // The ONS list has a few entries without letters (such as "-------"): those have the empty code.
                Assert.True(letters == 0 ? code.Length == 0 : encoder.IsWellFormed(code, letters), $"{encoder}: {name} -> {code}");
            }

            Assert.Equal(PhoneticOracles.Soundex(name), Soundex.Encode(name));

            // The regex oracle is slow; every third name keeps the test short.
            if (checkedCaverphone++ % 3 == 0)
            {
                Assert.Equal(PhoneticOracles.Caverphone2(name), Caverphone2.Encode(name));
            }
        }
    }
}
