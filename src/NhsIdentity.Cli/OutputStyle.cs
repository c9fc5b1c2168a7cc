using System.CommandLine;

namespace NhsIdentity.Cli;

/// <summary>The <c>--style</c> option shared by <c>format</c> and <c>generate</c>: names for the library's format letters.</summary>
internal static class OutputStyle
{
    /// <summary>The longest layout, in characters (<c>ddd ddd dddd</c>).</summary>
    public const int MaxLength = 12;

    /// <summary>Creates the <c>--style</c> option (default <c>spaced</c>).</summary>
    /// <returns>The option; its value is one of <c>spaced</c>, <c>plain</c>, <c>hyphen</c>, <c>masked</c>.</returns>
    public static Option<string> CreateOption()
    {
        var option = new Option<string>("--style", "-s")
        {
            Description = "Layout: spaced (999 000 0018), plain (9990000018), hyphen (999-000-0018) or masked (*** *** 0018).",
            DefaultValueFactory = _ => "spaced",
            HelpName = "spaced|plain|hyphen|masked",
        };
        option.AcceptOnlyFromAmong("spaced", "plain", "hyphen", "masked");
        return option;
    }

    /// <summary>The <see cref="NhsNumber.ToString(string)"/> format letter for a <c>--style</c> value.</summary>
    /// <param name="style">A value accepted by the option.</param>
    /// <returns><c>"S"</c>, <c>"N"</c>, <c>"H"</c> or <c>"M"</c>.</returns>
    public static string ToFormat(string? style) => style switch
    {
        "plain" => "N",
        "hyphen" => "H",
        "masked" => "M",
        _ => "S",
    };

    /// <summary>
    /// Lays out ten digits that are not a valid NHS number (so <see cref="NhsNumber"/> cannot hold them) the same
    /// way the library lays out valid ones.
    /// </summary>
    /// <param name="value">A ten-digit value, 0 to 9 999 999 999.</param>
    /// <param name="format">A format letter from <see cref="ToFormat"/>.</param>
    /// <param name="destination">At least <see cref="MaxLength"/> characters.</param>
    /// <returns>The number of characters written.</returns>
    public static int FormatTenDigits(long value, string format, Span<char> destination)
    {
        Span<char> digits = stackalloc char[10];
        for (var i = 9; i >= 0; i--)
        {
            digits[i] = (char)('0' + (value % 10));
            value /= 10;
        }

        if (format == "N")
        {
            digits.CopyTo(destination);
            return 10;
        }

        var separator = format == "H" ? '-' : ' ';
        if (format == "M")
        {
            "*** ***".AsSpan().CopyTo(destination);
        }
        else
        {
            digits[..3].CopyTo(destination);
            digits[3..6].CopyTo(destination[4..]);
        }

        destination[3] = separator;
        destination[7] = separator;
        digits[6..].CopyTo(destination[8..]);
        return MaxLength;
    }
}
