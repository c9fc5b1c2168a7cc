using System.CommandLine;

namespace NhsIdentity.Cli.Commands;

/// <summary>
/// <c>nhsid format &lt;number&gt; [--style spaced|plain|hyphen|masked] [--strict]</c>: prints one NHS number in
/// the chosen layout.
/// </summary>
/// <remarks>
/// A valid number is printed on standard output (exit code 0). An invalid one prints
/// <c>error: not a valid NHS number: &lt;reason&gt;</c> on standard error, never the input, and exits with 1.
/// </remarks>
internal static class FormatCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The <c>format</c> command.</returns>
    public static Command Create()
    {
        var number = new Argument<string>("number")
        {
            Description = "The NHS number, in any accepted layout (9990000018, 999 000 0018, 999-000-0018).",
        };
        var style = OutputStyle.CreateOption();
        var strict = new Option<bool>("--strict")
        {
            Description = "Accept only 9990000018 and 999 000 0018 exactly: no surrounding white space, no hyphens.",
        };

        var command = new Command("format", "Print an NHS number in another layout. An invalid number gives the reason on standard error (never the number) and exit code 1.")
        {
            number,
            style,
            strict,
        };

        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var styles = parseResult.GetValue(strict) ? NhsNumberStyles.Strict : NhsNumberStyles.Lenient;
            if (!NhsNumber.TryParse(parseResult.GetValue(number).AsSpan(), styles, out var parsed, out var status))
            {
                error.WriteLine("error: not a valid NHS number: " + status.GetDescription());
                return ExitCodes.Invalid;
            }

            Span<char> buffer = stackalloc char[OutputStyle.MaxLength];
            parsed.TryFormat(buffer, out var written, OutputStyle.ToFormat(parseResult.GetValue(style)));
            output.WriteLine(buffer[..written]);
            return ExitCodes.Success;
        });

        return command;
    }
}
