using NhsIdentity.Matching;

namespace NhsIdentity.Tests.Matching;

/// <summary><see cref="RecordSet.IsPresent"/>: per record, what <see cref="RecordSet.GetCounts"/> counts as present.</summary>
public sealed class RecordSetIsPresentTests
{
    private static readonly PatientRecord[] Records =
    [
        new() { Id = "valid", NhsNumber = "9993832200", DateOfBirth = "14/03/1987", Postcode = "LS1 4AQ", GivenNames = "Zorabel" },
        new() { Id = "invalid", NhsNumber = "9994280714", DateOfBirth = "31/04/1961", Postcode = "N/A", GivenNames = "Zorabel" },
        new() { Id = "placeholder", NhsNumber = "9999999999", DateOfBirth = "00/03/1987", Postcode = "ZZ99 3VZ", GivenNames = "UNKNOWN" },
        new() { Id = "missing" },
    ];

    [Fact]
    public void Only_values_read_and_compared_are_present()
    {
        var set = new RecordSet(Records);
        Assert.Equal([true, false, false, false], Enumerable.Range(0, 4).Select(i => set.IsPresent(i, ComparisonKind.NhsNumber)));
        Assert.Equal([true, false, true, false], Enumerable.Range(0, 4).Select(i => set.IsPresent(i, ComparisonKind.DateOfBirth))); // 00/03/1987: a partial date
        Assert.Equal([true, false, false, false], Enumerable.Range(0, 4).Select(i => set.IsPresent(i, ComparisonKind.Postcode)));
        Assert.Equal([true, true, false, false], Enumerable.Range(0, 4).Select(i => set.IsPresent(i, ComparisonKind.GivenName)));
    }

    [Fact]
    public void Present_answers_add_up_to_the_present_count_of_every_field()
    {
        var set = new RecordSet(Records);
        foreach (var definition in ComparisonDefinition.All)
        {
            var present = Enumerable.Range(0, set.Count).Count(i => set.IsPresent(i, definition.Kind));
            Assert.Equal(set.GetCounts(definition.Kind).Present, present);
        }
    }

    [Fact]
    public void Out_of_range_positions_and_fields_are_refused()
    {
        var set = new RecordSet(Records);
        Assert.Throws<ArgumentOutOfRangeException>(() => set.IsPresent(-1, ComparisonKind.NhsNumber));
        Assert.Throws<ArgumentOutOfRangeException>(() => set.IsPresent(4, ComparisonKind.NhsNumber));
        Assert.Throws<ArgumentOutOfRangeException>(() => set.IsPresent(0, (ComparisonKind)99));
    }
}
