using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Ingestion;

namespace NhsIdentity.Tests.Cli.Excel;

/// <summary>One name column split into given and family names by the documented rule.</summary>
public sealed class FullNameSplitTests
{
    [Theory]
    [InlineData("PEMBERTON, Alice Jane", "Alice Jane", "PEMBERTON")]          // comma: surname first
    [InlineData("Pemberton,Alice", "Alice", "Pemberton")]
    [InlineData("  OKAFOR ,  Brian  ", "Brian", "OKAFOR")]
    [InlineData("Alice Jane Pemberton", "Alice Jane", "Pemberton")]           // no comma: last word
    [InlineData("Alice Jane PEMBERTON", "Alice Jane", "PEMBERTON")]           // capitals at the end
    [InlineData("PEMBERTON Alice Jane", "Alice Jane", "PEMBERTON")]           // capitals at the start
    [InlineData("Jan VAN DER BERG", "Jan", "VAN DER BERG")]                   // a capitalised multi-word surname
    [InlineData("Alice J PEMBERTON", "Alice J", "PEMBERTON")]                 // an initial is not a capitalised word
    [InlineData("ALICE PEMBERTON", "ALICE", "PEMBERTON")]                     // all capitals: last word
    [InlineData("Pemberton", null, "Pemberton")]
    [InlineData("PEMBERTON,", null, "PEMBERTON")]
    [InlineData(", Alice", "Alice", null)]
    public void Splits_by_the_rule(string fullName, string? given, string? family)
    {
        Assert.Equal((given, family), FullNameSplit.Split(fullName));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_gives_nothing(string? fullName)
    {
        Assert.Equal(((string?)null, (string?)null), FullNameSplit.Split(fullName));
    }
}

/// <summary>The supplier headers NHS extracts use, recognised without --map.</summary>
public sealed class SupplierHeaderTests
{
    [Theory]
    [InlineData("Hospital No", "LocalIdentifier")]
    [InlineData("Case Note No", "LocalIdentifier")]
    [InlineData("District No", "LocalIdentifier")]
    [InlineData("PAS No", "LocalIdentifier")]
    [InlineData("Tel No", "Phone")]
    [InlineData("Mobile", "Phone")]
    [InlineData("Patient Name", "FullName")]
    [InlineData("Name", "FullName")]
    [InlineData("Full Name", "FullName")]
    public void Is_recognised(string header, string field)
    {
        Assert.True(ColumnMapping.TryRecognise(header, out var recognised));
        Assert.Equal(field, recognised.ToString());
    }

    [Fact]
    public void A_patient_name_column_fills_the_name_fields_without_columns_of_their_own()
    {
        var mapping = ColumnMapping.Create(["Hospital No", "Patient Name", "Forename"]);

        var record = mapping.ToRecord(["H1", "PEMBERTON, Alice Jane", "Ali"], rowNumber: 1);
        var split = mapping.ToRecord(["H2", "PEMBERTON, Alice Jane", null], rowNumber: 2);

        Assert.Equal("H1", record.Id);                  // a local identifier is the id when there is no id column
        Assert.Equal(("Ali", "PEMBERTON"), (record.GivenNames, record.FamilyName)); // its own column wins
        Assert.Equal(("Alice Jane", "PEMBERTON"), (split.GivenNames, split.FamilyName));
        Assert.Contains(mapping.Describe(), line => line.StartsWith("full_name <- Patient Name", StringComparison.Ordinal));
    }
}
