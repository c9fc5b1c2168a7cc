using System.CommandLine;
using NhsIdentity.Cli.Ingestion;

namespace NhsIdentity.Cli.Commands;

/// <summary><c>--raw-cells</c>, for every command that writes CSV cells taken from an input (<see cref="CsvInjection"/>).</summary>
internal static class RawCellsOption
{
    /// <summary>Creates the option (one instance per command).</summary>
    /// <returns>The option.</returns>
    public static Option<bool> Create() => new("--raw-cells")
    {
        Description = "Write cells that came from the input exactly as read. By default a cell starting with =, +, -, @, a tab or a carriage return is written with a leading ' so a spreadsheet does not run it as a formula (CSV injection); that includes negative numbers used as ids (-12 is written '-12), which --raw-cells keeps raw.",
    };
}
