using System.Collections;
using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Ingestion;

/// <summary>
/// Where a reader puts the records it accepts: kept in a list (the commands that look at raw values again: profile,
/// import, a report or review that shows values, groups), or handed as read to a <see cref="RecordSetBuilder"/>, which
/// prepares them in batches and drops them, so a million-row extract is never held as a million raw records.
/// </summary>
internal sealed class AcceptedRecords
{
    private readonly List<PatientRecord>? kept;
    private readonly RecordSetBuilder? builder;

    private AcceptedRecords(List<PatientRecord>? kept, RecordSetBuilder? builder)
    {
        this.kept = kept;
        this.builder = builder;
    }

    /// <summary>Records handed to <paramref name="builder"/> as read, or kept when it is <see langword="null"/>.</summary>
    public static AcceptedRecords For(RecordSetBuilder? builder) => new(builder is null ? [] : null, builder);

    /// <summary>Takes the next accepted record.</summary>
    public void Add(PatientRecord record)
    {
        if (builder is not null)
        {
            builder.Add(record);
        }
        else
        {
            kept!.Add(record);
        }
    }

    /// <summary>The records for the reader's result: the list kept, or, when they went to the builder, a list that
    /// has only their number (<see cref="PreparedRecords"/>), so the result's counts still reconcile.</summary>
    public IReadOnlyList<PatientRecord> ToList() => kept ?? (IReadOnlyList<PatientRecord>)new PreparedRecords(builder!.Count);
}

/// <summary>
/// The records of a read whose records were prepared as they were read (<see cref="AcceptedRecords"/>): their number,
/// for the counts, and nothing else. Reading one is a mistake in the caller (it should have asked for the records to
/// be kept), so it throws rather than pretend the read found nothing.
/// </summary>
internal sealed class PreparedRecords(int count) : IReadOnlyList<PatientRecord>
{
    public int Count => count;

    public PatientRecord this[int index] => throw NotKept();

    public IEnumerator<PatientRecord> GetEnumerator() => count == 0 ? Enumerable.Empty<PatientRecord>().GetEnumerator() : throw NotKept();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static InvalidOperationException NotKept() =>
        new("The records were prepared as they were read and not kept; read with keepRecords to look at them.");
}
