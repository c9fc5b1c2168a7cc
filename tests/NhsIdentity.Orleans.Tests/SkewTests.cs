using System.Diagnostics;
using System.Globalization;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;
using Xunit.Abstractions;

namespace NhsIdentity.Orleans.Tests;

/// <summary>
/// Skew: one bucket fed a huge block (every record with one family name and date of birth, as a placeholder date or a
/// common name in a big trust can make) stays within its candidate cap and answers, with exactly the capped
/// single-node answer.
/// </summary>
/// <remarks>
/// <para>The block holds <see cref="BlockSize"/> records (200,000, as issue 17 asks; twenty times the default cap of
/// 10,000), which loads and answers in seconds. The index has
/// one blocking rule (date of birth and family-name Soundex), so every record's id lands in one key bucket and the
/// cluster's answer must equal the single node's capped answer.</para>
/// <para>(Since key buckets hold ids in the single node's posting order, the cluster also reproduces a cap that bites
/// across several rules: DifferentialOracleTests.)</para>
/// <para>The record looked up is a copy of the block's last record. Candidates are gathered in the order they were
/// indexed, so an uncapped index finds it and a capped one cannot: the capped single node and the bucket both miss
/// it, which is how the test knows the bucket gathered no more than its cap.</para>
/// </remarks>
[Collection(SharedCluster.Name)]
public sealed class SkewTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private const int BlockSize = 200_000;

    [Fact]
    public async Task A_bucket_fed_one_huge_block_stays_within_its_candidate_cap_and_answers()
    {
        var options = new ClusterIndexOptions
        {
            Name = "skew",
            Buckets = 8,
            Index = PatientIndexOptions.Default with { BlockingRules = [BlockingRule.DateOfBirthAndFamilySoundex] },
        };
        Assert.True(BlockSize > 2 * options.Index.MaxCandidates, "the block must be larger than the cap");
        var block = Block();
        var table = TermFrequencyTable.Measure(new RecordSet(block));

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var cluster = await ClusterPatientIndex.CreateAsync(fixture.Client, MatchModel.Default, table, options);
        Assert.Equal(BlockSize, await cluster.AddRangeAsync(block));
        var loaded = clock.Elapsed;
        var after = GC.GetTotalMemory(forceFullCollection: true);

        var query = block[^1] with { Id = null, NhsNumber = null };
        clock.Restart();
        var answer = await cluster.FindMatchesAsync(query, maxResults: 10);
        var lookup = clock.Elapsed;

        using var capped = SingleNode(block, table, options.Index);
        using var uncapped = SingleNode(block, table, options.Index with { MaxCandidates = BlockSize });
        var expected = capped.FindMatches(query, 10);
        Assert.False(answer.IsDegraded);
        Assert.Equal(OracleComparison.Describe(expected), OracleComparison.Describe(answer.Matches));
        Assert.NotEmpty(answer.Matches);
        // The cap bit: the copy's twin, indexed last, is found only without it.
        Assert.Contains(uncapped.FindMatches(query, 10), m => m.Id == block[^1].Id);
        Assert.DoesNotContain(answer.Matches, m => m.Id == block[^1].Id);

        // The memory budget: a record in the block costs its row once and one id in the bucket (about 900 bytes here,
        // with the in-memory store's copy); 4 KiB is far above that and far below a layout that held a row per rule or
        // a candidate list per lookup. Generous because other test collections allocate in this process meanwhile.
        Assert.True(after - before < 4096L * BlockSize, $"managed memory grew {after - before:N0} bytes for {BlockSize:N0} records");

        var mib = (after - before) / 1024.0 / 1024.0;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{BlockSize:N0} records in one block (one family name and date of birth), one bucket, cap {options.Index.MaxCandidates:N0}: loaded in {loaded.TotalSeconds:F1} s; "
            + $"managed memory grew {mib:F0} MiB ({(after - before) / (double)BlockSize:F0} bytes a record: the key bucket's ids, the row shards' rows, the in-memory store's copy and its membership rows, all in this process); "
            + $"a lookup of the block answered {answer.Matches.Count} matches in {lookup.TotalMilliseconds:F0} ms, equal to the capped single node"));
    }

    /// <summary>Synthetic people (999-range NHS numbers) who all share one family name and date of birth, differing
    /// in given name, NHS number, sex and postcode.</summary>
    private static PatientRecord[] Block()
    {
        var numbers = new NhsNumberGenerator(61, NhsNumberRegion.Test);
        var given = OracleData.Records.Select(r => r.GivenNames).Where(g => !string.IsNullOrEmpty(g)).Distinct(StringComparer.Ordinal).ToArray();
        var postcodes = OracleData.Records.Select(r => r.Postcode).Where(p => !string.IsNullOrEmpty(p)).Distinct(StringComparer.Ordinal).ToArray();
        var block = new PatientRecord[BlockSize];
        for (var i = 0; i < block.Length; i++)
        {
            block[i] = new PatientRecord
            {
                Id = "skew-" + i.ToString("D6", CultureInfo.InvariantCulture),
                NhsNumber = numbers.Next().ToString("N", CultureInfo.InvariantCulture),
                GivenNames = given[i % given.Length],
                FamilyName = "Quellwater",
                DateOfBirth = "1961-04-17",
                Sex = i % 2 == 0 ? "F" : "M",
                Postcode = postcodes[(i / given.Length) % postcodes.Length],
            };
        }

        return block;
    }

    private static PatientIndex SingleNode(PatientRecord[] block, TermFrequencyTable table, PatientIndexOptions options)
    {
        var index = new PatientIndex(MatchModel.Default, options);
        foreach (var record in block)
        {
            index.AddOrUpdate(record);
        }

        index.ApplyTermFrequencies(table);
        return index;
    }
}
