using DuckDB.NET.Data;
using FsCheck.Xunit;
using Xunit;

namespace NhsIdentity.Splink.Tests;

/// <summary>Whether DuckDB's native library loads on this machine; the parity tests skip, saying why, where it does not.</summary>
internal static class DuckDbAvailability
{
    private static readonly Lazy<string?> Reason = new(() =>
    {
        try
        {
            using var connection = new DuckDBConnection("DataSource=:memory:");
            connection.Open();
            return null;
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException or TypeInitializationException or EntryPointNotFoundException)
        {
            return $"DuckDB's native library could not be loaded on this machine ({e.GetType().Name}); the Splink parity oracle is unavailable.";
        }
    });

    public static string? SkipReason => Reason.Value;
}

/// <summary>A fact that needs DuckDB: skipped with the reason where DuckDB cannot load.</summary>
internal sealed class DuckDbFactAttribute : FactAttribute
{
    public DuckDbFactAttribute()
    {
        if (DuckDbAvailability.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A property that needs DuckDB: skipped with the reason where DuckDB cannot load.</summary>
internal sealed class DuckDbPropertyAttribute : PropertyAttribute
{
    public DuckDbPropertyAttribute()
    {
        if (DuckDbAvailability.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
