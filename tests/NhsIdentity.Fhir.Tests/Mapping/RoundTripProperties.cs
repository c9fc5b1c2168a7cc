using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Fhir.Tests.TestHelpers;
using NhsIdentity.Matching;

namespace NhsIdentity.Fhir.Tests.Mapping;

public sealed class RoundTripProperties
{
    [Property(MaxTest = 300)]
    public Property Record_to_patient_to_record_keeps_every_mapped_field() =>
        Prop.ForAll(FhirArbitraries.Records, record =>
        {
            var back = FhirPatientMapper.ToPatientRecord(FhirPatientMapper.ToPatient(record));
            return MappedFields.Of(record) == MappedFields.Of(back);
        });

    [Property(MaxTest = 100)]
    public Property The_round_trip_survives_fhir_json_and_scores_as_the_original() =>
        Prop.ForAll(FhirArbitraries.Records, record =>
        {
            var json = FhirExamples.ToJson(FhirPatientMapper.ToPatient(record));
            var back = FhirPatientMapper.ToPatientRecord(FhirExamples.ParsePatient(json));
            return MappedFields.Of(record) == MappedFields.Of(back)
                && MatchModel.Default.Score(record, record) == MatchModel.Default.Score(record, back);
        });

    [Property(MaxTest = 300)]
    public Property Patient_to_record_to_patient_to_record_is_stable() =>
        Prop.ForAll(FhirArbitraries.Records, record =>
        {
            var once = FhirPatientMapper.ToPatientRecord(FhirPatientMapper.ToPatient(record));
            var twice = FhirPatientMapper.ToPatientRecord(FhirPatientMapper.ToPatient(once));
            return MappedFields.Of(once) == MappedFields.Of(twice) && once.GivenNames == twice.GivenNames && once.Address == twice.Address;
        });
}
