namespace NhsIdentity.Matching.Splink.Sql;

/// <summary>The SQL types a level condition's values can take (DuckDB's, collapsed to what Splink's levels use).</summary>
internal enum SqlValueKind : byte
{
    Null = 0,
    Boolean,
    Number,
    Text,
    Date,
    Timestamp,
    List,

    /// <summary>A one-record expression that failed when the record was prepared (strptime of text that is not a
    /// date): the failure is raised only if a pair's condition reads it, as DuckDB raises it only where a CASE reaches it.</summary>
    Error,
}
