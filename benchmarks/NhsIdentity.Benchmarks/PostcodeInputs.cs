using System.Globalization;
using System.Text;

namespace NhsIdentity.Benchmarks;

/// <summary>
/// The fixed input set of <see cref="PostcodeBench"/>: 10,000 strings drawn with seeded <see cref="Random"/>s from
/// real GB postcodes, typed the ways supplier systems hold them, with about 10% malformed.
/// </summary>
/// <remarks>
/// <para>
/// Source: <c>../shared/eval-data/lookups/uk_postcodes_sample_gb.csv</c> (29,196 postcodes) when present beside the
/// repository or named by <c>NHSID_EVAL_DATA</c>, else the committed 300-row sample
/// <c>tests/NhsIdentity.Tests/Data/postcodes-gb-sample.csv</c>; <see cref="Source"/> says which (it is printed in the
/// setup log). Both are OGL v3.0 (OS, Royal Mail, ONS; see the test data README).
/// </para>
/// <para>
/// Mix: 40% canonical (<c>SW1A 1AA</c>), 20% no space, 15% lower case, 15% extra spaces inside and around;
/// 10% malformed: an inward letter changed to C (never an inward letter), the last character dropped, the space
/// replaced by a hyphen, or the first letter changed to Q (never first). Only ASCII letters, digits, spaces and
/// hyphens occur, and no O/0 or I/1 look-alikes, so the naive validator and the library must agree on every input.
/// </para>
/// </remarks>
public static class PostcodeInputs
{
    /// <summary>Number of inputs; every benchmark loops over all of them.</summary>
    public const int Count = 10_000;

    /// <summary>The seed of the input mix.</summary>
    public const int Seed = 20_261_124;

    /// <summary>Which file the postcodes came from (set by <see cref="Create"/>).</summary>
    public static string Source { get; private set; } = "";

    /// <summary>Builds the input strings (deterministic for a given source file).</summary>
    /// <returns>A new array of <see cref="Count"/> strings.</returns>
    public static string[] Create()
    {
        var postcodes = LoadPostcodes();
        var mix = new Random(Seed);
        var inputs = new string[Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            var canonical = postcodes[mix.Next(postcodes.Length)];
            var kind = mix.Next(100);
            inputs[i] = kind switch
            {
                < 40 => canonical,
                < 60 => canonical.Replace(" ", "", StringComparison.Ordinal),
                < 75 => canonical.ToLowerInvariant(),
                < 90 => string.Concat(mix.Next(2) == 0 ? " " : "", canonical.Replace(" ", "  ", StringComparison.Ordinal), mix.Next(2) == 0 ? " " : "  "),
                _ => Malform(canonical, mix.Next(4)),
            };
        }

        return inputs;
    }

    private static string Malform(string canonical, int how) => how switch
    {
        0 => string.Concat(canonical.AsSpan(0, canonical.Length - 1), "C"),
        1 => canonical[..^1],
        2 => canonical.Replace(' ', '-'),
        _ => "Q" + canonical[1..],
    };

    private static string[] LoadPostcodes()
    {
        var path = BenchData.FindLookup("uk_postcodes_sample_gb.csv") ?? FindCommittedSample()
            ?? throw new InvalidOperationException("No postcode source: neither the eval-data file nor tests/NhsIdentity.Tests/Data/postcodes-gb-sample.csv was found.");
        Source = path;
        var list = new List<string>();
        foreach (var line in File.ReadLines(path, Encoding.UTF8).Skip(1))
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            var postcode = comma < 0 ? line : line[..comma];
            // Skip blank or truncated lines; every real postcode is at least six characters with its space.
            if (postcode.Length >= 6)
            {
                list.Add(postcode);
            }
        }

        return [.. list];
    }

    private static string? FindCommittedSample()
    {
        var root = BenchData.RepositoryRoot;
        var file = root is null ? null : Path.Combine(root, "tests", "NhsIdentity.Tests", "Data", "postcodes-gb-sample.csv");
        return file is not null && File.Exists(file) ? file : null;
    }

    /// <summary>How many inputs of each kind, for the setup log.</summary>
    /// <param name="inputs">The inputs.</param>
    /// <param name="valid">How many the library accepts.</param>
    /// <returns>A one-line summary.</returns>
    public static string Describe(string[] inputs, int valid) =>
        string.Create(CultureInfo.InvariantCulture, $"{inputs.Length} inputs from {Source}: {valid} valid, {inputs.Length - valid} malformed");
}
