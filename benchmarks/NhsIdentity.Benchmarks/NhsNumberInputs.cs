using System.Globalization;

namespace NhsIdentity.Benchmarks;

/// <summary>
/// The fixed input set shared by <see cref="NhsNumberBench"/> and the C++ reference loop
/// (<c>benchmarks/cpp</c>, fed through <c>--emit-inputs</c>). Everything is drawn from seeded
/// <see cref="Random"/> instances, so every run and every machine sees exactly the same strings.
/// </summary>
/// <remarks>
/// The mix is what an interface engine sees when it checks an extract: about 1 in 11 inputs is valid,
/// a quarter of the ten-digit inputs (valid or not) are typed in the spaced <c>ddd ddd dddd</c> layout, and the
/// invalid rest is mostly ten digits with a wrong check digit, plus some bases whose check value is 10, and a few
/// wrong lengths and letters typed for digits (O for 0, l for 1, ...). Only ASCII digits, spaces and letters
/// are used, so the naive validator, the library and the C++ loop must all agree on which inputs are valid.
/// </remarks>
public static class NhsNumberInputs
{
    /// <summary>Number of inputs; every benchmark loops over all of them.</summary>
    public const int Count = 10_000;

    /// <summary>The seed of the input mix. Change it and the results are no longer comparable.</summary>
    public const int Seed = 20_261_124;

    /// <summary>Builds the input strings (deterministic).</summary>
    /// <returns>A new array of <see cref="Count"/> strings.</returns>
    public static string[] Create()
    {
        var mix = new Random(Seed);
        // The generator draws English/Welsh bases, as a real extract would hold.
        var generator = new NhsNumberGenerator(new Random(Seed + 1), NhsNumberRegion.EnglandWalesIsleOfMan);
        var inputs = new string[Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            string digits;
            if (mix.Next(11) == 0)
            {
                digits = generator.Next().ToString("N");
            }
            else
            {
                var kind = mix.Next(100);
                if (kind < 80)
                {
                    digits = generator.NextInvalid(InvalidNhsNumberKind.WrongCheckDigit);
                }
                else if (kind < 90)
                {
                    digits = generator.NextInvalid(InvalidNhsNumberKind.CheckValueTen);
                }
                else if (kind < 95)
                {
                    // Wrong length: a digit dropped or an extra digit typed.
                    var ten = generator.Next().ToString("N");
                    digits = mix.Next(2) == 0
                        ? ten.Remove(mix.Next(10), 1)
                        : ten.Insert(mix.Next(11), mix.Next(10).ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    // A letter typed for a digit: 0 -> O, 1 -> l, 5 -> S, 8 -> B.
                    var chars = generator.Next().ToString("N").ToCharArray();
                    var at = mix.Next(10);
                    chars[at] = "OlSB"[mix.Next(4)];
                    digits = new string(chars);
                }
            }

            inputs[i] = digits.Length == 10 && mix.Next(4) == 0
                ? string.Concat(digits.AsSpan(0, 3), " ", digits.AsSpan(3, 3), " " + digits[6..])
                : digits;
        }

        return inputs;
    }

    /// <summary>Writes the inputs one per line (LF, ASCII) for the C++ reference loop.</summary>
    /// <param name="path">The file to write; a sibling <c>path.valid</c> receives the valid count.</param>
    /// <returns>The number of valid inputs, as counted by <see cref="NhsNumber.IsValid(string)"/>.</returns>
    public static int Emit(string path)
    {
        var inputs = Create();
        var valid = 0;
        using (var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            writer.NewLine = "\n";
            foreach (var input in inputs)
            {
                writer.WriteLine(input);
                if (NhsNumber.IsValid(input))
                {
                    valid++;
                }
            }
        }

        File.WriteAllText(path + ".valid", valid.ToString(CultureInfo.InvariantCulture) + "\n");
        return valid;
    }
}
