using System.Text;
using NhsIdentity.Demographics;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Demographics.PostcodeTests;

/// <summary>
/// Real GB postcodes (OGL v3.0; Contains OS data © Crown copyright and database right; Contains Royal Mail data ©
/// Royal Mail copyright and database right; Source: Office for National Statistics): the committed 300-row sample
/// always, the whole 29,196-row eval-data file when present. See tests/NhsIdentity.Tests/Data/README.md.
/// </summary>
public sealed class SampleDataTests
{
    [Fact]
    public void Committed_sample_parses_and_round_trips()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "postcodes-gb-sample.csv");
        var count = CheckAll(File.ReadLines(path).Skip(1));
        Assert.Equal(300, count);
    }

    [EvalDataFact]
    public void Every_eval_data_postcode_parses_and_round_trips()
    {
        var count = CheckAll(File.ReadLines(EvalData.File("lookups", "uk_postcodes_sample_gb.csv")).Skip(1));
        Assert.Equal(29_196, count);
    }

    [Fact]
    public void Sorting_postcodes_sorts_like_their_canonical_text()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "postcodes-gb-sample.csv");
        var texts = File.ReadLines(path).Skip(1).Select(line => line[..line.IndexOf(',', StringComparison.Ordinal)]).ToArray();
        var byText = texts.Order(StringComparer.Ordinal).ToArray();
        var byValue = texts.Select(t => Postcode.Parse(t)).Order().Select(p => p.ToString()).ToArray();
        Assert.Equal(byText, byValue);
    }

    private static int CheckAll(IEnumerable<string> lines)
    {
        var count = 0;
        Span<char> chars = stackalloc char[Postcode.MaxFormattedLength];
        Span<byte> bytes = stackalloc byte[Postcode.MaxFormattedLength];
        foreach (var line in lines)
        {
            var text = line[..line.IndexOf(',', StringComparison.Ordinal)];
            Assert.True(Postcode.TryParse(text, PostcodeStyles.Strict, out var postcode, out var status), $"row {count + 2}: {status}");
            Assert.Equal(PostcodeKind.Geographic, postcode.Kind);
            Assert.True(postcode.TryFormat(chars, out var written));
            Assert.True(chars[..written].SequenceEqual(text));
            Assert.True(postcode.TryFormat(bytes, out written, "N"));
            Assert.True(Postcode.TryParse(bytes[..written], out var again) && again == postcode);
            Assert.Equal(postcode, Postcode.Parse(Encoding.UTF8.GetBytes(text), PostcodeStyles.Strict));
            count++;
        }

        return count;
    }
}
