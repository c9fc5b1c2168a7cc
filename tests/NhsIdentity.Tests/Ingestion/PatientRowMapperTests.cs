using NhsIdentity.Ingestion;

namespace NhsIdentity.Tests.Ingestion;

/// <summary>The row-to-record step every reader shares: numbering, id checks, Excel recovery and counts.</summary>
public sealed class PatientRowMapperTests
{
    [Fact]
    public void Rows_are_numbered_mapped_and_set_aside_with_counts_that_reconcile()
    {
        var rows = new PatientRowMapper(ColumnMapping.Create(["id", "NHS Number", "Patient Name"]));

        rows.NextRow();
        Assert.True(rows.TryMap(["a", "9.990000018E+09", "SMITH, John"], 2, out var first));
        rows.SkipBlank();
        rows.NextRow();
        rows.Reject(4, RejectionReason.TooFewFields, "1 fields, expected 3");
        rows.NextRow();
        Assert.False(rows.TryMap(["a", null, null], 5, out var repeated));
        rows.NextRow();
        Assert.True(rows.TryMap(["b", "9.99E+09", null], 6, out var lost));

        Assert.Equal("9990000018", first.NhsNumber); // scientific notation with every digit kept
        Assert.Equal(("John", "SMITH"), (first.GivenNames, first.FamilyName));
        Assert.Null(repeated);
        Assert.Null(lost.NhsNumber); // digits lost to Excel: missing, and counted
        Assert.Equal((4L, 2L, 2L, 1L), (rows.RowsRead, rows.Accepted, rows.Rejected, rows.BlankRowsSkipped));
        Assert.Equal((1L, 1L), (rows.NhsNumbersRecoveredFromExcel, rows.NhsNumbersLostToExcel));
        Assert.Equal([(2L, RejectionReason.TooFewFields), (3L, RejectionReason.DuplicateId)], rows.Rejections.Select(r => (r.RowNumber, r.Reason)));

        var result = rows.ToResult([first, lost], ',');
        Assert.True(result.Reconciles);
        Assert.Contains(result.Warnings, w => w.Contains("lost digits", StringComparison.Ordinal));
        Assert.Equal("4 rows read: 2 accepted, 2 rejected", result.ToString());
    }

    [Fact]
    public void A_result_whose_records_do_not_account_for_every_row_does_not_reconcile()
    {
        var rows = new PatientRowMapper(ColumnMapping.Create(["id"]));
        rows.NextRow();
        Assert.True(rows.TryMap(["a"], 2, out _));

        Assert.False(rows.ToResult([]).Reconciles);
    }

    [Fact]
    public void A_row_must_be_started_before_it_is_mapped_or_rejected()
    {
        var rows = new PatientRowMapper(ColumnMapping.Create(["id"]));

        Assert.Throws<InvalidOperationException>(() => rows.TryMap(["a"], 2, out _));
        Assert.Throws<InvalidOperationException>(() => rows.Reject(2, RejectionReason.TooFewFields, "x"));
    }
}
