using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;

namespace NhsIdentity.Cli.Commands;

/// <summary>
/// <c>nhsid generate [--count N] [--seed S] [--region R] [--invalid KIND] [--style STYLE]</c>: prints synthetic
/// NHS numbers, one per line.
/// </summary>
/// <remarks>
/// <para>
/// Every run is reproducible. With <c>--seed</c> the same arguments always print the same numbers. Without it a
/// seed is drawn from <see cref="RandomNumberGenerator"/> and printed on standard error as
/// <c>seed: S (repeat with --seed S)</c>, so standard output stays pure data and the run can be repeated.
/// </para>
/// <para>
/// The default region is <c>test</c> (the 999 range, never issued to patients). <c>england</c>, <c>scotland</c> and
/// <c>ni</c> draw from ranges issued to real patients, so a generated number may belong to someone; the command
/// prints a warning on standard error for them.
/// </para>
/// </remarks>
internal static class GenerateCommand
{
    /// <summary>The largest <c>--count</c>.</summary>
    internal const long MaxCount = 10_000_000;

    /// <summary>Creates the command.</summary>
    /// <returns>The <c>generate</c> command.</returns>
    public static Command Create()
    {
        var count = new Option<long>("--count", "-n")
        {
            Description = "How many numbers to print, 1 to 10000000.",
            DefaultValueFactory = _ => 1,
            CustomParser = result =>
            {
                // One clear message for anything that is not a count in range, including text and overflow.
                if (long.TryParse(result.Tokens.Count == 1 ? result.Tokens[0].Value : null, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                    && value is >= 1 and <= MaxCount)
                {
                    return value;
                }

                result.AddError("--count must be a whole number between 1 and 10000000.");
                return 0;
            },
        };
        var seed = new Option<int?>("--seed")
        {
            Description = "Seed for the random source; the same seed and options print the same numbers. Without it, a random seed is chosen and printed on standard error.",
        };
        var region = new Option<string>("--region", "-r")
        {
            Description = "Range to draw from: test (999, never issued; the default), synthetic (900-998), england, scotland (CHI) or ni (Health and Care).",
            DefaultValueFactory = _ => "test",
            HelpName = "test|synthetic|england|scotland|ni",
        };
        region.AcceptOnlyFromAmong("test", "synthetic", "england", "scotland", "ni");
        var invalid = new Option<string?>("--invalid")
        {
            Description = "Print invalid numbers instead: check-value-ten (no check digit can be right) or wrong-check-digit.",
            HelpName = "check-value-ten|wrong-check-digit",
        };
        invalid.AcceptOnlyFromAmong("check-value-ten", "wrong-check-digit");
        var style = OutputStyle.CreateOption();

        var command = new Command("generate", "Print synthetic NHS numbers, one per line (999 test range by default).")
        {
            count,
            seed,
            region,
            invalid,
            style,
        };

        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var regionValue = ToRegion(parseResult.GetValue(region));
            if (regionValue is NhsNumberRegion.EnglandWalesIsleOfMan or NhsNumberRegion.ScotlandChi or NhsNumberRegion.NorthernIrelandHealthAndCare)
            {
                error.WriteLine("warning: this range is issued to real patients, so a generated number may belong to someone; use --region test for test data.");
            }

            var seedValue = parseResult.GetValue(seed);
            if (seedValue is null)
            {
                seedValue = RandomNumberGenerator.GetInt32(int.MaxValue);
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed: {seedValue} (repeat with --seed {seedValue})"));
            }

            var generator = new NhsNumberGenerator(seedValue.Value, regionValue);
            var format = OutputStyle.ToFormat(parseResult.GetValue(style));
            var kind = parseResult.GetValue(invalid) switch
            {
                "check-value-ten" => InvalidNhsNumberKind.CheckValueTen,
                "wrong-check-digit" => InvalidNhsNumberKind.WrongCheckDigit,
                _ => (InvalidNhsNumberKind?)null,
            };

            Write(generator, parseResult.GetValue(count), kind, format, output);
            return ExitCodes.Success;
        });

        return command;
    }

    private static void Write(NhsNumberGenerator generator, long count, InvalidNhsNumberKind? kind, string format, TextWriter output)
    {
        Span<char> buffer = stackalloc char[OutputStyle.MaxLength];
        for (long i = 0; i < count; i++)
        {
            int written;
            if (kind is { } invalidKind)
            {
                written = OutputStyle.FormatTenDigits(generator.NextInvalidValue(invalidKind), format, buffer);
            }
            else
            {
                generator.Next().TryFormat(buffer, out written, format);
            }

            output.WriteLine(buffer[..written]);
        }
    }

    private static NhsNumberRegion ToRegion(string? name) => name switch
    {
        "synthetic" => NhsNumberRegion.Synthetic,
        "england" => NhsNumberRegion.EnglandWalesIsleOfMan,
        "scotland" => NhsNumberRegion.ScotlandChi,
        "ni" => NhsNumberRegion.NorthernIrelandHealthAndCare,
        _ => NhsNumberRegion.Test,
    };
}
