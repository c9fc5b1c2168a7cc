using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Fhir.FastJson;
using NhsIdentity.Fhir.Tests.TestHelpers;

namespace NhsIdentity.Fhir.Tests.FastJson;

/// <summary>The fast <c>$match</c> reader against the SDK's strict path: it never takes a body the SDK refuses, and
/// what it takes it reads to the same Patient (deeply equal in the SDK's model), hence the same record.</summary>
public sealed class MatchRequestReaderProperties
{
    [Property(MaxTest = 300)]
    public Property Bodies_in_the_subset_are_read_as_the_sdk_reads_them() =>
        Prop.ForAll(MatchBodies.Valid.ToArbitrary(), body =>
        {
            var sdk = SdkMatchRequest.Read(body);
            return FhirMatchRequestReader.TryRead(Encoding.UTF8.GetBytes(body), out var fast)
                && sdk is { } expected
                && SameReading(fast, expected);
        });

    [Property(MaxTest = 2000)]
    public Property A_mutated_body_is_read_only_when_the_sdk_reads_it_the_same() =>
        Prop.ForAll(MatchBodies.Mutated.ToArbitrary(), body =>
        {
            if (!FhirMatchRequestReader.TryRead(Encoding.UTF8.GetBytes(body), out var fast))
            {
                return true; // left to the SDK, whose answer stands
            }

            return SdkMatchRequest.Read(body) is { } expected && SameReading(fast, expected);
        });

    [Fact]
    public void Mutations_reach_both_sides_of_the_subset()
    {
        // The property above would pass vacuously if every mutation left the subset: check it does not.
        var random = new Random(20261207);
        var bodies = MatchBodies.Valid.Sample(50, new Rnd(20261207UL), 400);
        var read = 0;
        var refused = 0;
        foreach (var body in bodies)
        {
            var mutated = MatchBodies.Mutate(body, random);
            if (FhirMatchRequestReader.TryRead(Encoding.UTF8.GetBytes(mutated), out _))
            {
                read++;
            }
            else
            {
                refused++;
            }
        }

        Assert.True(read > bodies.Length / 20, $"read {read} of {bodies.Length}");
        Assert.True(refused > bodies.Length / 4, $"refused {refused} of {bodies.Length}");
    }

    private static bool SameReading(FhirMatchRequest fast, (Hl7.Fhir.Model.Patient Patient, int? Count, bool? OnlyCertainMatches) sdk) =>
        Hl7.Fhir.Model.PocoEqualityComparisons.IsExactly(fast.Patient, sdk.Patient)
        && FhirPatientMapper.ToPatientRecord(fast.Patient) == FhirPatientMapper.ToPatientRecord(sdk.Patient)
        && fast.Count == sdk.Count
        && fast.OnlyCertainMatches == sdk.OnlyCertainMatches;
}
