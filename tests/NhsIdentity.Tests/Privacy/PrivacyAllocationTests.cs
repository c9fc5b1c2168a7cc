using NhsIdentity.Demographics;
using NhsIdentity.Privacy;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Privacy;

/// <summary>The span members of the privacy types allocate nothing (pattern of NhsNumberTests/AllocationTests).</summary>
[Collection(AllocationMeasurements.Name)]
public sealed class PrivacyAllocationTests
{
    private const int Iterations = 2000;

    [Fact]
    public void Pseudonymising_into_spans_allocates_nothing()
    {
        var pseudonymiser = PrivacyTestKeys.Pseudonymiser();
        var number = NhsNumber.Parse(PrivacyTestKeys.SentinelNhsNumber);
        var date = new DateOfBirth(1987, 3, 14);
        var postcode = Postcode.Parse("SW1A 1AA");
        var bytes = new byte[32];
        var chars = new char[64];
        var sink = 0;
        Assert.Equal(0, Allocations.Measure(() =>
        {
            pseudonymiser.TryPseudonymise(number, bytes, out var a);
            pseudonymiser.TryPseudonymise(date, bytes, out var b);
            pseudonymiser.TryPseudonymise(postcode, bytes, out var c);
            pseudonymiser.TryFormatHex(number, chars, out var d);
            pseudonymiser.TryFormatBase32(number, chars, out var e);
            pseudonymiser.TryFormatHex(postcode, chars, out var f);
            sink += a + b + c + d + e + f + bytes[0] + chars[0];
        }, Iterations));
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void The_measurement_sees_the_string_members_allocate()
    {
        var pseudonymiser = PrivacyTestKeys.Pseudonymiser();
        var number = NhsNumber.Parse(PrivacyTestKeys.SentinelNhsNumber);
        var sink = 0;
        Assert.True(Allocations.Measure(() => sink += pseudonymiser.ToHex(number).Length, Iterations) >= Iterations * 128L);
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void Open_pseudonymiser_digests_into_spans_allocate_nothing()
    {
        var chars = new char[64];
        var sink = 0;
        Assert.Equal(0, Allocations.Measure(() =>
        {
            OpenPseudonymiserDigest.TryCompute("29.11.1973 999 000 0018", "mackerel", chars, out var written);
            sink += written + chars[0];
        }, Iterations));
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void Set_lookups_allocate_nothing()
    {
        var members = Enumerable.Range(999_000_000, 8_000).Where(b => NhsNumber.TryFromBase(b, out _)).Select(NhsNumber.FromBase).ToArray();
        var set = NhsNumberSet.Create(members.Where((_, i) => i % 3 == 0));
        var probes = members.Take(500).Append(NhsNumber.Empty).Append(NhsNumber.FromValue(4505577104)).ToArray();
        var sink = 0;
        Assert.Equal(0, Allocations.Measure(() =>
        {
            foreach (var probe in probes)
            {
                sink += set.Contains(probe) ? 1 : 0;
            }
        }, 200));
        Assert.NotEqual(0, sink);
    }
}
