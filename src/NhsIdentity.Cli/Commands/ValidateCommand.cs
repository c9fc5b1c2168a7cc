using System.CommandLine;
using System.Globalization;
using NhsIdentity.Cli.Summaries;

namespace NhsIdentity.Cli.Commands;

/// <summary>
/// <c>nhsid validate [number...]</c>: checks NHS numbers given as arguments, or one per line on standard input.
/// </summary>
/// <remarks>
/// <para>Output (standard output), one line per input, in input order:</para>
/// <code>
/// line 1: *** *** 0018 valid
/// line 3: invalid, check digit does not match
/// line 4: invalid, check value is 10 (no valid check digit exists)
/// line 7: *** *** 9999 valid, placeholder (all ten digits the same)
/// </code>
/// <para>
/// The position is <c>arg N</c> for arguments and <c>line N</c> for standard input, where N is the 1-based line
/// number in the input (blank lines keep their numbers, so N points at the right line of the file). A valid
/// number is shown masked; an invalid input is never echoed, only its position and the reason.
/// </para>
/// <para>
/// Standard input: blank and white-space-only lines are skipped and not counted as inputs (extracts often end
/// with one). An empty argument (<c>""</c>) is counted, as invalid (empty), because it was given on purpose.
/// </para>
/// <para>
/// Repdigits (<c>999 999 9999</c> and so on) pass the check digit, so they are valid by the standard; they are
/// flagged as placeholders, and <c>--reject-placeholders</c> counts them as invalid instead.
/// </para>
/// <para>
/// Summary (standard error, unless <c>--quiet</c>): inputs = valid + invalid, then the count for each reason.
/// Exit code: 0 when every input is valid (including when there are no inputs), 1 when any is invalid, 2 for a
/// usage error. <c>--quiet</c> writes nothing, only the exit code (usage errors are still explained on standard
/// error).
/// </para>
/// <para><c>--json</c> prints instead only a summary document on standard output (schema <c>nhsid-validate/1</c>, see
/// docs/json-schemas.md): the counts by outcome and reason, no per-input line and never a number.</para>
/// </remarks>
internal static class ValidateCommand
{
    /// <summary>The reason shown for a rejected placeholder; the library has no status for it.</summary>
    internal const string PlaceholderDescription = "placeholder (all ten digits the same)";

    /// <summary>Creates the command.</summary>
    /// <param name="input">Standard input, or <see langword="null"/> when there is none.</param>
    /// <returns>The <c>validate</c> command.</returns>
    public static Command Create(TextReader? input)
    {
        var numbers = new Argument<string[]>("numbers")
        {
            Description = "NHS numbers to check. With none, reads standard input, one number per line (blank lines are skipped).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        numbers.Validators.Add(result =>
        {
            // System.CommandLine passes unknown options through as argument values; say so instead of reporting
            // them as invalid numbers. (The message is redacted like every parse error.)
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-')
                {
                    result.AddError($"Unrecognized option '{token.Value}'.");
                }
            }
        });
        var quiet = new Option<bool>("--quiet", "-q")
        {
            Description = "Print nothing; only set the exit code (0 all valid, 1 any invalid, 2 usage error).",
        };
        var strict = new Option<bool>("--strict")
        {
            Description = "Accept only 9990000018 and 999 000 0018 exactly: no surrounding white space, no hyphens.",
        };
        var rejectPlaceholders = new Option<bool>("--reject-placeholders")
        {
            Description = "Count repdigits such as 999 999 9999 (valid by the check digit, but typed for 'unknown') as invalid.",
        };

        var json = new Option<bool>("--json")
        {
            Description = "Print only a JSON summary on standard output (schema nhsid-validate/1, see docs/json-schemas.md): counts by outcome and reason, no per-input lines, never a number.",
        };

        var command = new Command("validate", "Check NHS numbers and report each as valid (shown masked) or invalid with the reason, never echoing an invalid input. Summary on standard error.")
        {
            numbers,
            quiet,
            strict,
            rejectPlaceholders,
            json,
        };

        command.SetAction(parseResult =>
        {
            var options = new Settings(
                parseResult.GetValue(quiet),
                parseResult.GetValue(strict) ? NhsNumberStyles.Strict : NhsNumberStyles.Lenient,
                parseResult.GetValue(rejectPlaceholders),
                parseResult.GetValue(json));
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var arguments = parseResult.GetValue(numbers) ?? [];
            return Execute(arguments, input, options, output, error);
        });

        return command;
    }

    private static int Execute(string[] arguments, TextReader? input, Settings settings, TextWriter output, TextWriter error)
    {
        if (settings.Quiet && settings.Json)
        {
            error.WriteLine("error: give --quiet (print nothing) or --json (print a summary), not both.");
            return ExitCodes.Usage;
        }

        var tally = new Tally(settings.RejectPlaceholders);
        if (arguments.Length > 0)
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                Check(arguments[i], "arg", i + 1, settings, tally, output);
            }
        }
        else if (input is null)
        {
            error.WriteLine("error: no numbers given. Pass them as arguments or pipe them on standard input, one per line.");
            error.WriteLine("Run 'nhsid validate --help' for usage.");
            return ExitCodes.Usage;
        }
        else
        {
            var lineNumber = 0;
            while (input.ReadLine() is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    tally.BlankLines++;
                    continue;
                }

                Check(line, "line", lineNumber, settings, tally, output);
            }
        }

        if (settings.Json)
        {
            tally.WriteJson(output, settings.Styles == NhsNumberStyles.Strict);
        }

        if (!settings.Quiet)
        {
            // Results first: on a terminal, buffered standard output would otherwise appear after the summary.
            output.Flush();
            tally.WriteSummary(error);
        }

        return tally.Invalid == 0 ? ExitCodes.Success : ExitCodes.Invalid;
    }

    private static void Check(string text, string label, int position, Settings settings, Tally tally, TextWriter output)
    {
        NhsNumber.TryParse(text.AsSpan(), settings.Styles, out var number, out var status);
        var placeholder = status == NhsNumberStatus.Valid && number.IsRepdigit;
        var rejected = status != NhsNumberStatus.Valid || (placeholder && settings.RejectPlaceholders);
        tally.Add(status, placeholder);
        if (settings.Quiet || settings.Json)
        {
            return;
        }

        // One formatted line per input, written once; nothing here allocates.
        Span<char> line = stackalloc char[160];
        Span<char> masked = stackalloc char[OutputStyle.MaxLength];
        var written = 0;
        bool fits;
        if (rejected)
        {
            var reason = placeholder ? PlaceholderDescription : status.GetDescription();
            fits = line.TryWrite(CultureInfo.InvariantCulture, $"{label} {position}: invalid, {reason}", out written);
        }
        else
        {
            number.TryFormat(masked, out var maskedLength, "M");
            fits = placeholder
                ? line.TryWrite(CultureInfo.InvariantCulture, $"{label} {position}: {masked[..maskedLength]} valid, {PlaceholderDescription}", out written)
                : line.TryWrite(CultureInfo.InvariantCulture, $"{label} {position}: {masked[..maskedLength]} valid", out written);
        }

        if (!fits)
        {
            throw new InvalidOperationException("A result line did not fit its buffer.");
        }

        output.WriteLine(line[..written]);
    }

    private readonly record struct Settings(bool Quiet, NhsNumberStyles Styles, bool RejectPlaceholders, bool Json);

    /// <summary>Counts by outcome; <see cref="Inputs"/> always equals <see cref="Valid"/> + <see cref="Invalid"/>.</summary>
    private sealed class Tally
    {
        // Indexed by NhsNumberStatus; the library's statuses are a small dense enum starting at Valid = 0.
        private readonly long[] _byStatus = new long[Enum.GetValues<NhsNumberStatus>().Length];
        private readonly bool _rejectPlaceholders;

        public Tally(bool rejectPlaceholders) => _rejectPlaceholders = rejectPlaceholders;

        public long Inputs { get; private set; }

        public long Placeholders { get; private set; }

        public long BlankLines { get; set; }

        public long Valid => _byStatus[(int)NhsNumberStatus.Valid] - RejectedPlaceholders;

        public long Invalid => Inputs - Valid;

        private long RejectedPlaceholders => _rejectPlaceholders ? Placeholders : 0;

        public void Add(NhsNumberStatus status, bool placeholder)
        {
            Inputs++;
            _byStatus[(int)status]++;
            if (placeholder)
            {
                Placeholders++;
            }
        }

        /// <summary>The <c>--json</c> summary (schema <c>nhsid-validate/1</c>): the same counts as <see cref="WriteSummary"/>,
        /// each reason by its <see cref="NhsNumberStatus"/> name; a placeholder counted invalid is <c>Placeholder</c>.</summary>
        public void WriteJson(TextWriter output, bool strict) => JsonSummary.Write(output, "nhsid-validate/1", json =>
        {
            json.WriteNumber("inputs", Inputs);
            json.WriteNumber("valid", Valid);
            json.WriteNumber("invalid", Invalid);
            json.WriteStartObject("invalidByReason");
            if (RejectedPlaceholders > 0)
            {
                json.WriteNumber("Placeholder", RejectedPlaceholders);
            }

            foreach (var status in Enum.GetValues<NhsNumberStatus>())
            {
                var count = _byStatus[(int)status];
                if (status != NhsNumberStatus.Valid && count > 0)
                {
                    json.WriteNumber(status.ToString(), count);
                }
            }

            json.WriteEndObject();
            json.WriteNumber("placeholders", Placeholders);
            json.WriteBoolean("placeholdersRejected", _rejectPlaceholders);
            json.WriteBoolean("strict", strict);
            json.WriteNumber("blankLinesSkipped", BlankLines);
        });

        public void WriteSummary(TextWriter error)
        {
            var c = CultureInfo.InvariantCulture;
            error.WriteLine(string.Create(c, $"summary: {Inputs} inputs = {Valid} valid + {Invalid} invalid"));
            if (Placeholders > 0)
            {
                error.WriteLine(string.Create(c, $"  {(_rejectPlaceholders ? "invalid" : "valid")}, {PlaceholderDescription}: {Placeholders}"));
            }

            foreach (var status in Enum.GetValues<NhsNumberStatus>())
            {
                var count = _byStatus[(int)status];
                if (status != NhsNumberStatus.Valid && count > 0)
                {
                    error.WriteLine(string.Create(c, $"  invalid, {status.GetDescription()}: {count}"));
                }
            }

            if (BlankLines > 0)
            {
                error.WriteLine(string.Create(c, $"  blank lines skipped (not inputs): {BlankLines}"));
            }
        }
    }
}
