using NhsIdentity.Matching;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Matching.Accuracy;

/// <summary>
/// Reads the FEBRL benchmark files (Christen's Freely Extensible Biomedical Record Linkage generator, ANU Open
/// Source Licence; ../shared/eval-data/febrl) into records. Columns: rec_id, given_name, surname, street_number,
/// address_1, address_2, suburb, postcode, state, date_of_birth (yyyyMMdd), soc_sec_id. The true person is the
/// number in rec-NNNN-org / rec-NNNN-dup-K.
/// </summary>
internal static class FebrlData
{
    public static List<PatientRecord> Read(string fileName)
    {
        var records = new List<PatientRecord>();
        using var reader = new StreamReader(EvalData.File("febrl", fileName));
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split(',');
            for (var i = 0; i < f.Length; i++)
            {
                f[i] = f[i].Trim();
            }

            records.Add(new PatientRecord
            {
                Id = f[0],
                GivenNames = f[1],
                FamilyName = f[2],
                Address = string.Join(' ', f[3], f[4], f[5], f[6]),
                Postcode = f[7],
                DateOfBirth = f[9],
                LocalIdentifier = f[10],
            });
        }

        return records;
    }

    /// <summary>The person number of a FEBRL record id (rec-1070-org and rec-1070-dup-0 are person 1070).</summary>
    public static int Person(string id) => int.Parse(id.AsSpan(4, id.IndexOf('-', 4) - 4), System.Globalization.CultureInfo.InvariantCulture);
}
