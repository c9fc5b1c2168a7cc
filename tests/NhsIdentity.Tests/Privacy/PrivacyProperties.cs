using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Demographics;
using NhsIdentity.Privacy;
using NhsIdentity.Tests.Properties;

namespace NhsIdentity.Tests.Privacy;

public sealed class PrivacyProperties
{
    private static readonly NhsNumberPseudonymiser Shared = PrivacyTestKeys.Pseudonymiser();

    private static Arbitrary<byte[]> Keys => Arb.From(
        from length in Gen.Choose(32, 80)
        from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i), length)
        select bytes);

    private static Arbitrary<string> Labels => Arb.From(Gen.Elements("a", "project-1", "Project-1", "asthma study", "ÿ", "日本", "x y z"));

    private static Arbitrary<DateOfBirth> Dates => Arb.From(
        from year in Gen.Choose(DateOfBirth.MinYear, DateOfBirth.MaxYear)
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, 28)
        from precision in Gen.Choose(0, 2)
        select precision == 0 ? DateOfBirth.FromYear(year) : precision == 1 ? DateOfBirth.FromYearMonth(year, month) : new DateOfBirth(year, month, day));

    private static Arbitrary<Postcode> Postcodes => Arb.From(Gen.Elements(
        "SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A 1BB", "W1A 0AX", "GIR 0AA", "BFPO 123", "ZZ99 3VZ")
        .Select(text => Postcode.Parse(text)));

    [Property(MaxTest = 200)]
    public Property Pseudonyms_are_deterministic_across_instances() =>
        Prop.ForAll(NhsArbitraries.ValidNumbers, Keys, Labels, (n, key, label) =>
            new NhsNumberPseudonymiser(new PseudonymKey(key, label)).ToHex(n) == new NhsNumberPseudonymiser(new PseudonymKey(key, label)).ToHex(n));

    [Property(MaxTest = 200)]
    public Property Different_numbers_get_different_pseudonyms() =>
        Prop.ForAll(NhsArbitraries.ValidNumbers, NhsArbitraries.ValidNumbers, (a, b) =>
            (a == b) == (Shared.ToHex(a) == Shared.ToHex(b)));

    [Property(MaxTest = 200)]
    public Property Changing_one_key_bit_changes_the_pseudonym() =>
        Prop.ForAll(NhsArbitraries.ValidNumbers, Keys, Arb.From(Gen.Choose(0, 255)), (n, key, bit) =>
        {
            var other = (byte[])key.Clone();
            other[bit / 8 % other.Length] ^= (byte)(1 << (bit % 8));
            return new NhsNumberPseudonymiser(new PseudonymKey(key, "p")).ToHex(n) != new NhsNumberPseudonymiser(new PseudonymKey(other, "p")).ToHex(n);
        });

    [Property(MaxTest = 200)]
    public Property Different_labels_give_different_pseudonyms() =>
        Prop.ForAll(NhsArbitraries.ValidNumbers, Labels, Labels, (n, a, b) =>
            (a == b) == (PrivacyTestKeys.Pseudonymiser(a).ToHex(n) == PrivacyTestKeys.Pseudonymiser(b).ToHex(n)));

    [Property(MaxTest = 200)]
    public Property Field_tags_keep_fields_apart() =>
        Prop.ForAll(NhsArbitraries.ValidNumbers, Dates, Postcodes, (n, d, p) =>
        {
            var pseudonyms = new[] { Shared.ToHex(n), Shared.ToHex(d), Shared.ToHex(p) };
            return pseudonyms.Distinct(StringComparer.Ordinal).Count() == 3;
        });

    [Property(MaxTest = 200)]
    public Property The_label_cannot_run_into_the_value() =>
        // Length-prefixing: label "p" + tag N + "9990000018" must differ from label "pN" with a value whose text
        // starts after it; the nearest real case is two labels where one is a prefix of the other.
        Prop.ForAll(NhsArbitraries.ValidNumbers, n =>
            PrivacyTestKeys.Pseudonymiser("p").ToHex(n) != PrivacyTestKeys.Pseudonymiser("pN").ToHex(n));

    [Property(MaxTest = 300)]
    public Property Text_forms_encode_the_bytes() =>
        Prop.ForAll(NhsArbitraries.ValidNumbers, n =>
        {
            var bytes = new byte[32];
            Shared.TryPseudonymise(n, bytes, out _);
            var base32 = Shared.ToBase32(n);
            return Shared.ToHex(n) == Convert.ToHexStringLower(bytes)
                && base32.Length == 52
                && FromBase32(base32).AsSpan().SequenceEqual(bytes);
        });

    [Property(MaxTest = 300)]
    public Property Set_membership_agrees_with_a_hash_set() =>
        Prop.ForAll(
            Arb.From(Gen.ListOf(NhsArbitraries.ValidNumberGen)),
            Arb.From(Gen.ListOf(NhsArbitraries.ValidNumberGen)),
            (members, probes) =>
            {
                var set = NhsNumberSet.Create(members);
                var oracle = members.Select(m => m.Value).ToHashSet();
                return set.Count == oracle.Count
                    && members.All(set.Contains)
                    && probes.All(p => set.Contains(p) == oracle.Contains(p.Value));
            });

    [Property(MaxTest = 100)]
    public Property Loading_a_list_equals_building_from_the_numbers() =>
        Prop.ForAll(Arb.From(Gen.ListOf(NhsArbitraries.ValidNumberGen)), Arb.From(Gen.Elements("\n", "\r\n")), (members, lineEnd) =>
        {
            var text = string.Concat(members.Select(m => m.ToString("S") + lineEnd));
            var loaded = NhsNumberSet.Load(new StringReader(text), out var rejected);
            var built = NhsNumberSet.Create(members);
            return rejected == 0 && loaded.Count == built.Count && members.All(loaded.Contains);
        });

    private static byte[] FromBase32(string text)
    {
        // An independent decoder for the property: bit-by-bit, the slow obvious way.
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.Select(c => Convert.ToString(alphabet.IndexOf(c, StringComparison.Ordinal), 2).PadLeft(5, '0')));
        return [.. Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2))];
    }
}
