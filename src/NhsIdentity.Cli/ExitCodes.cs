namespace NhsIdentity.Cli;

/// <summary>The process exit codes every <c>nhsid</c> command uses (also listed in <c>nhsid --help</c>).</summary>
internal static class ExitCodes
{
    /// <summary>Success: every input was valid, or the output was written.</summary>
    public const int Success = 0;

    /// <summary>At least one input was not a valid NHS number, or an input could not be used.</summary>
    public const int Invalid = 1;

    /// <summary>
    /// An output could not be written (a full disk, a read-only folder, a path under a file) or a file failed mid-run:
    /// one line on standard error names the option, and no output file was changed. The same value as
    /// <see cref="Invalid"/>: both say "the data or the system", where <see cref="Usage"/> says "the command line".
    /// </summary>
    public const int Failed = 1;

    /// <summary>A usage error: unknown command or option, a bad option value, or no input at all.</summary>
    public const int Usage = 2;

    /// <summary>
    /// A run budget was exceeded (<c>link</c>, <c>dedupe</c>): a blocking rule would compare more candidate pairs than
    /// <c>--max-pairs-per-record</c> allows, or more pairs reached the review threshold than
    /// <c>--max-kept-pairs-per-record</c> allows. One line on standard error names the rule and the counts; no output
    /// file was written.
    /// </summary>
    public const int BudgetExceeded = 3;

    /// <summary>Cancelled (Ctrl+C, SIGINT): 128 + 2, as shells report it. No output file was changed and no temporary
    /// file was left.</summary>
    public const int Cancelled = 130;

    /// <summary>Terminated (SIGTERM, as from <c>kill</c>, systemd or a container stop): 128 + 15, through the same
    /// cancellation path as <see cref="Cancelled"/>.</summary>
    public const int Terminated = 143;

    /// <summary>The exit codes as the help text lists them.</summary>
    public const string Summary = "Exit codes: 0 success; 1 invalid input, or an output could not be written; 2 usage error; 3 a run budget exceeded (link, dedupe); 130 cancelled (Ctrl+C); 143 terminated (SIGTERM). A failed or cancelled run changes no output file.";
}
