namespace NhsIdentity.Matching.Splink;

/// <summary>The type of a column of a <see cref="SplinkPreparedTable"/>, as a Parquet or DuckDB column holds it.</summary>
public enum SplinkColumnType
{
    /// <summary>A 64-bit integer (DuckDB <c>BIGINT</c>); values are <see cref="long"/>.</summary>
    BigInt = 0,

    /// <summary>A double (DuckDB <c>DOUBLE</c>); values are <see cref="double"/>.</summary>
    Real = 1,

    /// <summary>Text (DuckDB <c>VARCHAR</c>); values are <see cref="string"/>.</summary>
    Varchar = 2,

    /// <summary>A list of text (DuckDB <c>VARCHAR[]</c>); values are <see cref="string"/> arrays.</summary>
    VarcharList = 3,

    /// <summary>A list of integers (DuckDB <c>BIGINT[]</c>); values are <see cref="long"/> arrays.</summary>
    BigIntList = 4,
}
