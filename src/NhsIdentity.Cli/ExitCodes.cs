namespace NhsIdentity.Cli;

/// <summary>The process exit codes every <c>nhsid</c> command uses.</summary>
internal static class ExitCodes
{
    /// <summary>Success: every input was valid, or the output was written.</summary>
    public const int Success = 0;

    /// <summary>At least one input was not a valid NHS number.</summary>
    public const int Invalid = 1;

    /// <summary>A usage error: unknown command or option, a bad option value, or no input at all.</summary>
    public const int Usage = 2;

    /// <summary>
    /// A run budget was exceeded (<c>link</c>, <c>dedupe</c>): a blocking rule would compare more candidate pairs than
    /// <c>--max-pairs-per-record</c> allows, or more pairs reached the review threshold than
    /// <c>--max-kept-pairs-per-record</c> allows. One line on standard error names the rule and the counts; no output
    /// file was written.
    /// </summary>
    public const int BudgetExceeded = 3;

    /// <summary>Cancelled (Ctrl+C): 128 + SIGINT, as shells report it. No output file was left half-written.</summary>
    public const int Cancelled = 130;
}
