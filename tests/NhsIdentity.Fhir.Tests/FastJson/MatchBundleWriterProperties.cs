using System.Buffers;
using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using NhsIdentity.Fhir.FastJson;
using NhsIdentity.Fhir.Tests.TestHelpers;
using NhsIdentity.Matching;

namespace NhsIdentity.Fhir.Tests.FastJson;

/// <summary>The <c>Utf8JsonWriter</c> bundle against <c>FhirMatchBundle.Create(...).ToJson()</c>: the same text, byte
/// for byte, on generated matches (scores, grades, ties, resources left out) and resources of both kinds.</summary>
public sealed class MatchBundleWriterProperties
{
    private static readonly FhirJsonDeserializer Strict = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));

    /// <summary>Text for names and addresses: letters, quotes, HTML-sensitive characters, control characters,
    /// accented letters, other scripts and characters outside the Basic Multilingual Plane.</summary>
    private static Gen<string> OddText =>
        Gen.ArrayOf(Gen.OneOf(
                Gen.Elements("a", "Z", " ", "'", "\"", "\\", "/", "<", ">", "&", "+", "`", "\u0001", "\u001f", "\u007f", "\u0085", "\u00e9",
                    "\u00eb", "\u00df", "\u0142", "\u05d0", "\u4e2d", "\u200b", "\u2028", "\ufeff", "\ufffd", "\ud83d\ude00", "\U0001F3F4"),
                Gen.Choose(0x20, 0x7e).Select(c => ((char)c).ToString())))
            .Select(parts => string.Concat(parts));

    private static Gen<PatientRecord> Records =>
        from record in FhirArbitraries.Records.Generator
        from odd in Gen.Elements(false, true)
        from given in OddText
        from family in OddText
        from address in OddText
        select odd ? record with { GivenNames = given, FamilyName = family, Address = address, Email = family } : record;

    private static Gen<MatchScore> Scores =>
        from weight in Gen.OneOf(Gen.Choose(-20, 60).Select(w => (double)w), Gen.Choose(-2000, 6000).Select(w => w / 100.0))
        from probability in Gen.OneOf(
            Gen.Elements(0.0, 1.0, 0.5, 0.9, 0.99, 0.99999, 0.1, 0.3, 1e-9, double.NaN),
            Gen.Choose(0, 1_000_000).Select(p => p / 1_000_000.0))
        from decision in Gen.Elements(MatchDecision.Match, MatchDecision.Review, MatchDecision.NonMatch)
        select new MatchScore(weight, probability, decision);

    /// <summary>One candidate: its id, score and stored form (a record, or the SDK's text of a resource a caller sent,
    /// or nothing: removed since the lookup).</summary>
    private static Gen<(string Id, MatchScore Score, PatientRecord Record, int Form, int Seed)> Candidates =>
        from id in Gen.Choose(1, 40).Select(n => "p-" + n.ToString(CultureInfo.InvariantCulture))
        from score in Scores
        from record in Records
        from form in Gen.Frequency((6, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Constant(2)))
        from seed in Gen.Choose(0, int.MaxValue)
        select (id, score, record, form, seed);

    [Property(MaxTest = 400)]
    public Property The_fast_writer_writes_the_sdk_bundle_byte_for_byte() =>
        Prop.ForAll(Gen.ListOf(Candidates).Select(c => c.DistinctBy(x => x.Id).ToList()).ToArbitrary(), Gen.Elements(false, true).ToArbitrary(), (candidates, withBase) =>
        {
            var options = withBase ? new FhirMatchBundleOptions { ServiceBase = new Uri("https://ehr.example.nhs.uk/fhir") } : null;
            var matches = candidates.Select(c => new IndexMatch(c.Id, c.Score)).ToList();
            var stored = new Dictionary<string, FhirEntryResource>(StringComparer.Ordinal);
            foreach (var (id, _, record, form, seed) in candidates)
            {
                if (form == 0)
                {
                    stored[id] = FhirEntryResource.FromRecord(id, record);
                }
                else if (form == 1)
                {
                    stored[id] = FhirEntryResource.FromJson(id, AsPut(id, record, new Random(seed)));
                }
            }

            var expected = FhirMatchBundle.Create(matches, id => stored.TryGetValue(id, out var s) ? AsSdkResource(s) : null, options).ToJson();
            var output = new ArrayBufferWriter<byte>();
            FhirMatchBundleWriter.Write(output, matches, id => stored.TryGetValue(id, out var s) ? s : null, options);
            var actual = Encoding.UTF8.GetString(output.WrittenSpan);
            return (actual == expected).Label(actual.Length < 4000 ? actual + "\n" + expected : "long bundle differs");
        });

    [Fact]
    public void An_empty_bundle_is_the_sdks()
    {
        var output = new ArrayBufferWriter<byte>();
        FhirMatchBundleWriter.Write(output, [], _ => null);

        Assert.Equal(FhirMatchBundle.Create([], _ => null).ToJson(), Encoding.UTF8.GetString(output.WrittenSpan));
    }

    /// <summary>What the service stores for a resource sent with <c>PUT</c>: the SDK's text after a strict parse
    /// with the id set, here with elements the fast reader never takes (extensions, meta, narrative, decimals).</summary>
    private static string AsPut(string id, PatientRecord record, Random random)
    {
        var patient = FhirPatientMapper.ToPatient(record);
        patient.Active = random.Next(2) == 0;
        if (random.Next(2) == 0 && patient.Identifier.Count > 0)
        {
            patient.Identifier[0].Extension.Add(new Extension(UkCoreSystems.NhsNumberVerificationStatusExtension, new CodeableConcept(UkCoreSystems.NhsNumberVerificationStatusCodeSystem, "01")));
        }

        if (random.Next(2) == 0)
        {
            patient.Meta = new Meta { VersionId = "3", LastUpdated = new DateTimeOffset(2026, 12, 7, 10, 30, 0, TimeSpan.Zero) };
        }

        if (random.Next(2) == 0)
        {
            patient.Extension.Add(new Extension("http://example.org/weight", new FhirDecimal(decimal.Round(random.Next(1, 100_000) / 100m, random.Next(0, 3)))));
        }

        if (random.Next(3) == 0)
        {
            patient.Text = new Narrative { Status = Narrative.NarrativeStatus.Generated, Div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">A patient</div>" };
        }

        // The PUT path: strict parse of the caller's text, the id set, written out by the SDK.
        var parsed = Strict.Deserialize<Patient>(patient.ToJson());
        parsed.Id = id;
        return parsed.ToJson();
    }

    /// <summary>What the SDK path gives the bundle for a stored patient (the service's <c>ToResource</c>).</summary>
    private static Patient AsSdkResource(FhirEntryResource stored)
    {
        if (stored.Json is { } json)
        {
            return Strict.Deserialize<Patient>(json);
        }

        var patient = FhirPatientMapper.ToPatient(stored.Record! with { Id = stored.Id });
        patient.Id = stored.Id;
        return patient;
    }
}
