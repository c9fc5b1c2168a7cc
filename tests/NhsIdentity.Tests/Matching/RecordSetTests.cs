using NhsIdentity.Matching;

namespace NhsIdentity.Tests.Matching;

public sealed class RecordSetTests
{
    [Fact]
    public void Counts_say_what_preparation_made_of_each_field_and_add_up()
    {
        var set = new RecordSet(
        [
            new PatientRecord { Id = "1", NhsNumber = "999 000 0018", DateOfBirth = "14/03/1987", Sex = "F", Postcode = "LS1 4AP" },
            new PatientRecord { Id = "2", NhsNumber = "9999999999", DateOfBirth = "31/02/1987", Sex = "U", Postcode = "ZZ99 3VZ" },
            new PatientRecord { Id = "3", NhsNumber = "999 000 0019", DateOfBirth = "", Sex = "banana", Postcode = "not known" },
            new PatientRecord { Id = "4" },
        ]);
        Assert.Equal(4, set.Count);
        Assert.Equal(new FieldCounts(1, 1, 1, 1), set.GetCounts(ComparisonKind.NhsNumber));
        Assert.Equal(new FieldCounts(1, 2, 1, 0), set.GetCounts(ComparisonKind.DateOfBirth));
        Assert.Equal(new FieldCounts(1, 1, 1, 1), set.GetCounts(ComparisonKind.Sex));
        Assert.Equal(new FieldCounts(1, 1, 1, 1), set.GetCounts(ComparisonKind.Postcode));
        foreach (var kind in Enum.GetValues<ComparisonKind>())
        {
            Assert.Equal(set.Count, set.GetCounts(kind).Total);
        }
    }

    [Fact]
    public void Placeholder_names_count_as_placeholders()
    {
        var set = new RecordSet([new PatientRecord { GivenNames = "Baby", FamilyName = "" }]);
        Assert.Equal(new FieldCounts(0, 0, 0, 1), set.GetCounts(ComparisonKind.Name));
    }

    [Fact]
    public void Ids_are_kept_and_to_string_shows_only_the_count()
    {
        var set = new RecordSet([new PatientRecord { Id = "R1", GivenNames = "Sentinelname", FamilyName = "Uniquefamily", NhsNumber = "999 000 0018" }]);
        Assert.Equal("R1", set.GetId(0));
        Assert.Equal("RecordSet(Count = 1)", set.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => set.GetId(1));
        Assert.Equal("PatientRecord(R1)", new PatientRecord { Id = "R1", FamilyName = "Uniquefamily" }.ToString());
    }

    [Fact]
    public void Null_records_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new RecordSet(null!));
        Assert.Throws<ArgumentNullException>(() => new RecordSet([null!]));
    }

    [Fact]
    public void Many_records_grow_the_columns_without_losing_any()
    {
        var records = new List<PatientRecord>();
        for (var i = 0; i < 5000; i++)
        {
            records.Add(new PatientRecord { Id = "R" + i, GivenNames = "Name", FamilyName = "Family", DateOfBirth = "1990-01-02" });
        }

        var set = new RecordSet(records.Where(_ => true)); // an IEnumerable without a count
        Assert.Equal(5000, set.Count);
        Assert.Equal("R4999", set.GetId(4999));
        Assert.Equal(5000, set.GetCounts(ComparisonKind.DateOfBirth).Present);
    }

    [Fact]
    public void A_prepared_row_is_144_bytes_136_as_at_f2e3b64_plus_the_given_names_frequency_and_its_alignment()
    {
        // 136 bytes at release f2e3b64 (measured with Unsafe.SizeOf on that build); the GP practice hash went into
        // the padding after the local identifier's length. The given name's term frequency (a float, for the
        // GivenName comparison) costs 8: 4 for itself and 4 to keep the 8-byte fields aligned. A new field should
        // say here what it costs.
        Assert.Equal(144, System.Runtime.CompilerServices.Unsafe.SizeOf<PreparedRow>());
    }
}
