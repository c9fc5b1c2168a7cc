using NhsIdentity.Demographics;
using NhsIdentity.Matching;

namespace NhsIdentity.Fuzzing.Targets;

/// <summary>
/// <c>record-set</c>: arbitrary text in every <see cref="PatientRecord"/> field goes through <see cref="RecordSet"/>
/// preparation and <see cref="MatchModel.Default"/> scoring, which never throw and give finite weights.
/// </summary>
/// <remarks>
/// Input layout: one record per line, fields separated by tabs in <see cref="PatientRecord"/> order (id, NHS number,
/// given names, family name, date of birth, sex, postcode, address, local identifier, phone, email); missing fields
/// are null, an empty field is the empty string. The input's length picks the <see cref="DateOrder"/> and whether
/// term frequencies are measured, so both paths are reached.
/// </remarks>
internal static class RecordSetTarget
{
    private const int MaxRecords = 24;
    private static readonly DateOrder[] AllOrders = Enum.GetValues<DateOrder>();
    private static readonly ComparisonKind[] AllKinds = Enum.GetValues<ComparisonKind>();

    public static void Run(ReadOnlySpan<byte> data)
    {
        var records = ReadRecords(FuzzText.DecodeUtf8(data));
        var options = new RecordSetOptions
        {
            DateOrder = AllOrders[data.Length % AllOrders.Length],
            MinimumRecordsForTermFrequencies = data.Length % 2 == 0 ? 1 : RecordSetOptions.Default.MinimumRecordsForTermFrequencies,
        };

        var set = new RecordSet(records, options);
        Invariant.Holds(set.Count == records.Count, "a record set holds every record given");
        foreach (var kind in AllKinds)
        {
            var counts = set.GetCounts(kind);
            Invariant.Holds(counts.ToString() is not null, "field counts are readable");
        }

        var model = MatchModel.Default;
        var reference = SampleRecords.Set;
        for (var i = 0; i < set.Count; i++)
        {
            Invariant.Holds(set.GetId(i) == records[i].Id, "a record keeps its id");
            for (var j = 0; j < set.Count; j++)
            {
                ScoreChecks.Check(model.Score(set, i, set, j));
            }

            for (var j = 0; j < reference.Count; j++)
            {
                ScoreChecks.Check(model.Score(set, i, reference, j));
                ScoreChecks.Check(model.Score(reference, j, set, i));
            }

            var explanation = model.Explain(set, i, reference, 0);
            Invariant.Holds(explanation is not null, "an explanation is produced");
        }
    }

    private static List<PatientRecord> ReadRecords(string text)
    {
        var records = new List<PatientRecord>();
        foreach (var line in text.Split('\n'))
        {
            if (records.Count == MaxRecords)
            {
                break;
            }

            var fields = line.Split('\t');
            string? Field(int index) => index < fields.Length ? fields[index] : null;
            records.Add(new PatientRecord
            {
                Id = Field(0),
                NhsNumber = Field(1),
                GivenNames = Field(2),
                FamilyName = Field(3),
                DateOfBirth = Field(4),
                Sex = Field(5),
                Postcode = Field(6),
                Address = Field(7),
                LocalIdentifier = Field(8),
                Phone = Field(9),
                Email = Field(10),
            });
        }

        return records;
    }
}
