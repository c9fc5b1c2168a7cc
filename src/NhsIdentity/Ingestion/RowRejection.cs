using System.Globalization;

namespace NhsIdentity.Ingestion;

/// <summary>Why a row (or message, or resource) of an input was set aside (<see cref="RowRejection.Reason"/>).</summary>
public enum RejectionReason
{
    /// <summary>The row has fewer fields than the header.</summary>
    TooFewFields,

    /// <summary>The row has more fields than the header.</summary>
    TooManyFields,

    /// <summary>A quote was opened and never closed, so the row runs on until the end of the file or the next quote.</summary>
    UnbalancedQuote,

    /// <summary>A field is longer than the limit (64 KB by default).</summary>
    FieldTooLong,

    /// <summary>An HL7 v2 message that cannot be read into a record (no PID segment, unusable MSH, no patient data).</summary>
    UnreadableMessage,

    /// <summary>The row is longer than the reader keeps (<see cref="PatientCsvOptions.MaxRowLength"/>); it was
    /// skipped without being kept.</summary>
    RowTooLong,

    /// <summary>The id column is empty (ids that come from row numbers never are).</summary>
    EmptyId,

    /// <summary>An earlier row of the same input has the same id; the first is kept.</summary>
    DuplicateId,

    /// <summary>A file (DICOM) that cannot be read into a record: not DICOM, truncated, malformed, or in a transfer
    /// syntax or character set the reader does not decode.</summary>
    UnreadableFile,
}

/// <summary>One rejected row (or message): where it is and why, never what it holds.</summary>
/// <param name="RowNumber">The 1-based data row number (the header is row 0; blank lines are not rows), or message ordinal.</param>
/// <param name="LineNumber">The 1-based line of the file where the row starts.</param>
/// <param name="Reason">The reason.</param>
/// <param name="Detail">The reason in words, with counts and column names only, for example <c>4 fields, expected 3</c>.</param>
/// <param name="Item">What the input's items are called: <c>row</c> for CSV, <c>message</c> for HL7 v2.</param>
/// <remarks>The detail holds counts, positions and column names only, so a rejection can be logged.</remarks>
public readonly record struct RowRejection(long RowNumber, int LineNumber, RejectionReason Reason, string Detail, string Item = "row")
{
    /// <summary>Describes the rejection: <c>row 7 (line 8): too many fields: 4 fields, expected 3</c>, or, for a detail
    /// in brackets, <c>row 9 (line 10): duplicate id (first at row 2)</c>.</summary>
    /// <returns>The description, free of field values.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Item ?? "row"} {RowNumber} (line {LineNumber}): {Reason.ToText()}{(Detail is null ? string.Empty : Detail.StartsWith('(') ? " " : ": ")}{Detail}");
}

/// <summary>Words for <see cref="RejectionReason"/>.</summary>
public static class RejectionReasonText
{
    /// <summary>The reason in a few words, for summaries.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>For example <c>too many fields</c>.</returns>
    public static string ToText(this RejectionReason reason) => reason switch
    {
        RejectionReason.TooFewFields => "too few fields",
        RejectionReason.TooManyFields => "too many fields",
        RejectionReason.UnbalancedQuote => "unbalanced quote",
        RejectionReason.FieldTooLong => "field too long",
        RejectionReason.UnreadableMessage => "unreadable message",
        RejectionReason.RowTooLong => "row too long",
        RejectionReason.EmptyId => "empty id",
        RejectionReason.DuplicateId => "duplicate id",
        RejectionReason.UnreadableFile => "unreadable file",
        _ => "rejected",
    };
}
