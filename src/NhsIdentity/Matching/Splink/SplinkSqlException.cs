namespace NhsIdentity.Matching.Splink;

/// <summary>
/// Thrown when a Splink model cannot be loaded (a level condition outside the supported SQL subset, settings that are
/// not a Splink model) or, rarely, when a condition cannot be evaluated on a pair where DuckDB would fail the query too
/// (<see cref="SplinkSqlError.InvalidValue"/>). <see cref="Error"/> says why.
/// </summary>
/// <remarks>The message quotes the level condition (model text, written by whoever trained the model) and names the
/// reason; it never contains a record's values, so it can be logged.</remarks>
public sealed class SplinkSqlException : FormatException
{
    internal SplinkSqlException(SplinkSqlError error, string detail, string? condition)
        : base(condition is null ? detail : $"{detail} In condition: {condition}")
    {
        Error = error;
        Condition = condition;
    }

    /// <summary>Gets why the model or condition was refused.</summary>
    public SplinkSqlError Error { get; }

    /// <summary>Gets the level condition or blocking rule concerned, as written in the model; null when the problem is
    /// in the settings' structure.</summary>
    public string? Condition { get; }
}
