using NhsIdentity.Matching.Splink.Sql;

namespace NhsIdentity.Matching.Splink;

/// <summary>
/// Records prepared for one <see cref="SplinkModel"/> (<see cref="SplinkModel.Prepare"/>): for each record, the values
/// of every one-record expression the model's conditions use (each column, <c>lower(...)</c>, <c>substr(...)</c>,
/// <c>try_strptime(...)</c>, <c>regexp_extract(...)</c>, with text's UTF-8 bytes) and the term frequency of each tf
/// column's value, so that scoring a pair only compares.
/// </summary>
/// <remarks>Immutable once made; safe to share across threads. Only usable with the model that prepared it.</remarks>
public sealed class SplinkRecordSet
{
    internal SplinkRecordSet(SplinkModel model, SqlValue[][] features, long[][] packed, PreparedList?[]?[] lists, double[][] termFrequencies, object?[] ids)
    {
        Lists = lists;
        Model = model;
        Features = features;
        Packed = packed;
        TermFrequencies = termFrequencies;
        _ids = ids;
    }

    private readonly object?[] _ids;

    /// <summary>Gets the number of records.</summary>
    public int Count => Features.Length;

    /// <summary>Gets the model that prepared the records.</summary>
    public SplinkModel Model { get; }

    internal SqlValue[][] Features { get; }

    /// <summary>Per record: its features packed (<see cref="PackedRow"/>), which the typed conditions read instead of
    /// <see cref="Features"/> where they can.</summary>
    internal long[][] Packed { get; }

    /// <summary>Per record, per feature: its list value indexed for intersection (null where the value is not a list;
    /// the whole row null when the record has no list).</summary>
    internal PreparedList?[]?[] Lists { get; }

    /// <summary>Per record, per tf slot: the frequency, NaN when the value is null or not in the table.</summary>
    internal double[][] TermFrequencies { get; }

    /// <summary>The value of the model's <c>unique_id_column_name</c> of record <paramref name="index"/>.</summary>
    /// <param name="index">The record's position in the set.</param>
    /// <returns>The id, or null when the record had none.</returns>
    public object? Id(int index) => _ids[index];
}
