using NhsIdentity.Text.Phonetics;

namespace NhsIdentity.Tests.Text.Phonetics;

public sealed class DoubleMetaphoneTests
{
    private const string Issue = "issue 3 (untruncated codes)";
    private const string ApacheTest = "Apache Commons Codec DoubleMetaphoneTest.testDoubleMetaphone (4 chars)";
    private const string Philips = "Philips' rule examples, as listed in Apache Commons Codec DoubleMetaphone2Test (4 chars)";
    private const string Woodbridge = "Stephen Woodbridge's surname test list, via Apache Commons Codec DoubleMetaphone2Test (4 chars)";
    private const string RuleTrace = "hand-traced through the Philips rule whose comment names this word; not a published vector";

    [Theory]
    [InlineData("Thompson", "TMPSN", "TMPSN", Issue)] // TH before OM is T
    [InlineData("Thomson", "TMSN", "TMSN", Issue)]
    [InlineData("Smith", "SM0", "XMT", Issue)] // initial SM: S / X; TH: 0 / T
    [InlineData("Catherine", "K0RN", "KTRN", Issue)]
    [InlineData("Mohammed", "MHMT", "MHMT", Issue)] // H between vowels kept; MM once
    [InlineData("Muhammad", "MHMT", "MHMT", Issue)]
    public void Issue_vectors_at_the_default_length(string name, string primary, string alternate, string source) =>
        AssertCodes(name, primary, alternate, DoubleMetaphone.DefaultMaxLength, source);

    [Theory]
    [InlineData("Thompson", "TMPS", "TMPS", Woodbridge)] // the same names at the classic length
    [InlineData("Smith", "SM0", "XMT", Woodbridge)]
    [InlineData("testing", "TSTN", "TSTN", ApacheTest)]
    [InlineData("The", "0", "T", ApacheTest)]
    [InlineData("quick", "KK", "KK", ApacheTest)]
    [InlineData("brown", "PRN", "PRN", ApacheTest)]
    [InlineData("fox", "FKS", "FKS", ApacheTest)]
    [InlineData("jumped", "JMPT", "AMPT", ApacheTest)] // initial J: J / A
    [InlineData("over", "AFR", "AFR", ApacheTest)]
    [InlineData("lazy", "LS", "LS", ApacheTest)]
    [InlineData("dogs", "TKS", "TKS", ApacheTest)]
    [InlineData("MacCafferey", "MKFR", "MKFR", ApacheTest)]
    [InlineData("Stephan", "STFN", "STFN", ApacheTest)]
    [InlineData("Kuczewski", "KSSK", "KXFS", ApacheTest)] // CZ: S / X; -EWSKI: W is F in the alternate
    [InlineData("Kutchefski", "KXFS", "KXFS", ApacheTest)]
    [InlineData("McClelland", "MKLL", "MKLL", ApacheTest)] // CC after initial M is not X
    [InlineData("san jose", "SNHS", "SNHS", ApacheTest)] // Spanish J after SAN
    [InlineData("xenophobia", "SNFP", "SNFP", ApacheTest)] // initial X is S
    [InlineData("Fokker", "FKR", "FKR", ApacheTest)]
    [InlineData("Joqqi", "JK", "AK", ApacheTest)]
    [InlineData("Hovvi", "HF", "HF", ApacheTest)]
    [InlineData("Czerny", "SRN", "XRN", ApacheTest)]
    public void Apache_vectors_at_the_classic_length(string name, string primary, string alternate, string source) =>
        AssertCodes(name, primary, alternate, DoubleMetaphone.ClassicMaxLength, source);

    /// <summary>One or more examples for each of Philips' rule branches, each named in his comments.</summary>
    [Theory]
    [InlineData("accede", "AKST", "AKST", Philips)] // CC before E after initial A: KS
    [InlineData("accident", "AKST", "AKST", Philips)]
    [InlineData("succeed", "SKST", "SKST", Philips)] // UCCEE
    [InlineData("bacci", "PX", "PX", Philips)] // Italian CC: X
    [InlineData("bertucci", "PRTX", "PRTX", Philips)]
    [InlineData("bellocchio", "PLX", "PLX", Philips)]
    [InlineData("bacchus", "PKS", "PKS", Philips)] // CCHU: K
    [InlineData("focaccia", "FKX", "FKX", Philips)] // CIA: X
    [InlineData("caesar", "SSR", "SSR", Philips)] // initial CAESAR
    [InlineData("chianti", "KNT", "KNT", Philips)] // CHIA
    [InlineData("chemistry", "KMST", "KMST", Philips)] // Greek CH
    [InlineData("chorus", "KRS", "KRS", Philips)]
    [InlineData("ORCHID", "ARKT", "ARKT", Philips)]
    [InlineData("ARCHITure", "ARKT", "ARKT", Philips)]
    [InlineData("Michael", "MKL", "MXL", RuleTrace)] // CHAE: K / X
    [InlineData("Rachel", "RXL", "RKL", Woodbridge)] // CH: X / K
    [InlineData("McHugh", "MK", "MK", Philips)] // CH after MC
    [InlineData("deffenbacher", "TFNP", "TFNP", Philips)] // Germanic ACH: K
    [InlineData("czerny", "SRN", "XRN", Philips)]
    [InlineData("mac caffrey", "MKFR", "MKFR", Philips)] // C then " C"
    [InlineData("mac gregor", "MKRK", "MKRK", Philips)]
    [InlineData("edge", "AJ", "AJ", Philips)] // DG before E: J
    [InlineData("edgar", "ATKR", "ATKR", Philips)] // DG otherwise: TK
    [InlineData("ghislane", "JLN", "JLN", Philips)] // initial GHI: J
    [InlineData("ghiradelli", "JRTL", "JRTL", Philips)]
    [InlineData("aghast", "AKST", "AKST", Philips)] // GH after a vowel other than I: K
    [InlineData("hugh", "H", "H", Philips)] // Parker's rule: silent GH
    [InlineData("bough", "P", "P", Philips)]
    [InlineData("broughton", "PRTN", "PRTN", Philips)]
    [InlineData("laugh", "LF", "LF", Philips)] // UGH after L: F
    [InlineData("McLaughlin", "MKLF", "MKLF", Philips)]
    [InlineData("cough", "KF", "KF", Philips)]
    [InlineData("tough", "TF", "TF", Philips)]
    [InlineData("cagney", "KKN", "KKN", Philips)] // GN before EY
    [InlineData("Magnus", "MNS", "MKNS", Woodbridge)] // GN: N / KN
    [InlineData("tagliaro", "TKLR", "TLR", Philips)] // GLI: KL / L
    [InlineData("biaggi", "PJ", "PK", Philips)] // Italian AGGI
    [InlineData("George", "JRJ", "KRK", Woodbridge)]
    [InlineData("DANGER", "TNJR", "TNKR", Philips)] // -GER- in DANGER
    [InlineData("hunger", "HNKR", "HNJR", Philips)]
    [InlineData("hungry", "HNKR", "HNKR", Philips)]
    [InlineData("jose", "HS", "HS", Philips)] // Spanish JOSE
    [InlineData("san jacinto", "SNHS", "SNHS", Philips)]
    [InlineData("bajador", "PJTR", "PHTR", Philips)] // J between vowels: J / H
    [InlineData("Yankelovich", "ANKL", "ANKL", Philips)]
    [InlineData("Jankelowicz", "JNKL", "ANKL", Philips)]
    [InlineData("cabrillo", "KPRL", "KPR", Philips)] // Spanish LL: L only in the primary
    [InlineData("gallegos", "KLKS", "KKS", Philips)]
    [InlineData("dumb", "TM", "TM", Philips)] // silent B after M
    [InlineData("thumb", "0M", "TM", Philips)]
    [InlineData("umbrella", "AMPR", "AMPR", Philips)]
    [InlineData("campbell", "KMPL", "KMPL", Philips)] // PB: P
    [InlineData("raspberry", "RSPR", "RSPR", Philips)]
    [InlineData("rogier", "RJ", "RJR", Philips)] // French final -IER: R only in the alternate
    [InlineData("island", "ALNT", "ALNT", Philips)] // silent S in ISL
    [InlineData("carlisle", "KRLL", "KRLL", Philips)]
    [InlineData("sugarcane", "XKRK", "SKRK", Philips)] // initial SUGAR
    [InlineData("heimsheim", "HMSM", "HMSM", Philips)] // Germanic SHEIM
    [InlineData("snider", "SNTR", "XNTR", Philips)] // initial SN: S / X
    [InlineData("schneider", "XNTR", "SNTR", Philips)]
    [InlineData("schmidt", "XMT", "SMT", Philips)]
    [InlineData("school", "SKL", "SKL", Philips)] // Dutch SCHOO
    [InlineData("schenker", "XNKR", "SKNK", Philips)] // SCHEN: X / SK
    [InlineData("schermerhorn", "XRMR", "SKRM", Philips)]
    [InlineData("Schlesinger", "XLSN", "SLSN", Philips)]
    [InlineData("resnais", "RSN", "RSNS", Philips)] // French final -AIS
    [InlineData("artois", "ART", "ARTS", Philips)]
    [InlineData("automation", "ATMX", "ATMX", Philips)] // -TION: X
    [InlineData("thomas", "TMS", "TMS", Philips)] // THOM: T
    [InlineData("thames", "TMS", "TMS", Philips)]
    [InlineData("hartheim", "HR0M", "HRTM", Philips)]
    [InlineData("Wasserman", "ASRM", "FSRM", Philips)] // initial W before a vowel: A / F
    [InlineData("Vasserman", "FSRM", "FSRM", Philips)]
    [InlineData("Womo", "AM", "FM", Philips)]
    [InlineData("Uomo", "AM", "AM", Philips)]
    [InlineData("Arnow", "ARN", "ARNF", Philips)] // final W after a vowel: F in the alternate
    [InlineData("Arnoff", "ARNF", "ARNF", Philips)]
    [InlineData("filipowicz", "FLPT", "FLPF", Philips)] // Polish WICZ: TS / FX
    [InlineData("piskowitz", "PSKT", "PSKF", Philips)]
    [InlineData("Wright", "RT", "RT", Woodbridge)] // initial WR
    [InlineData("Knight", "NT", "NT", Woodbridge)] // initial KN
    [InlineData("breaux", "PR", "PR", Philips)] // French final X silent
    [InlineData("zhao", "J", "J", Philips)] // pinyin ZH
    [InlineData("di Saluzzo", "TSLS", "TSLT", Philips)] // ZZO: S / TS
    [InlineData("Swayze", "SS", "XTS", Woodbridge)] // Slavo-Germanic Z
    [InlineData("Zhang", "JNK", "JNK", RuleTrace)]
    [InlineData("van der Gouda", "FNTR", "FNTR", Philips)] // words separated by spaces
    [InlineData("D'Aubigny", "TPN", "TPKN", Woodbridge)] // apostrophe ignored
    [InlineData("St. Leger", "STLJ", "STLK", Woodbridge)] // full stop ignored, space kept
    [InlineData("McNair-Landry", "MKNR", "MKNR", Woodbridge)]
    [InlineData("Ua Tuathail", "AT0L", "ATTL", Woodbridge)]
    [InlineData("Southworth", "S0R0", "STRT", Woodbridge)]
    [InlineData("Hathaway", "H0", "HT", Woodbridge)]
    [InlineData("Jackson", "JKSN", "AKSN", Woodbridge)]
    [InlineData("Catherine", "K0RN", "KTRN", Issue)]
    public void Philips_rule_examples_at_the_classic_length(string name, string primary, string alternate, string source) =>
        AssertCodes(name, primary, alternate, DoubleMetaphone.ClassicMaxLength, source);

    [Theory]
    [InlineData("ç", "S")] // Apache testCCedilla: C-cedilla codes as S
    [InlineData("Ç", "S")]
    [InlineData("ñ", "N")] // Apache testNTilde: N-tilde codes as N
    [InlineData("Ñ", "N")]
    public void C_cedilla_and_n_tilde_are_coded(string name, string code) =>
        Assert.Equal(new DoubleMetaphoneCode(code, code), DoubleMetaphone.Encode(name));

    [Theory]
    [InlineData("Brian", "Bryan")] // Apache testIsDoubleMetaphoneEqualBasic
    [InlineData("Auto", "Otto")]
    [InlineData("Steven", "Stefan")]
    [InlineData("Philipowitz", "Filipowicz")]
    [InlineData("cookie", "quick")]
    public void Published_equal_pairs_share_a_code(string a, string b)
    {
        Assert.Equal(DoubleMetaphone.Encode(a, 4).Primary, DoubleMetaphone.Encode(b, 4).Primary);
        Assert.Equal(DoubleMetaphone.Encode(a, 4).Alternate, DoubleMetaphone.Encode(b, 4).Alternate);
    }

    [Theory]
    [InlineData("san jose", "SAN-JOSE")] // hyphens separate words like spaces
    [InlineData("san jose", "  san \t  jose  ")] // runs of white space are one separator
    [InlineData("O'Brien", "OBrien")] // apostrophes are ignored
    [InlineData("Zoë Smith", "Zo Smith")] // non-ASCII letters (other than Ç and Ñ) are ignored
    [InlineData("Smith2", "Smith")]
    public void Separators_and_ignored_characters(string name, string same) =>
        Assert.Equal(DoubleMetaphone.Encode(same), DoubleMetaphone.Encode(name));

    [Fact]
    public void Word_boundaries_matter_where_the_rules_look_at_them() =>
        Assert.NotEqual(DoubleMetaphone.Encode("san jose"), DoubleMetaphone.Encode("sanjose"));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\n\r ")]
    [InlineData("123 - '")]
    [InlineData("Øé")]
    public void Text_without_a_letter_has_the_empty_code(string name)
    {
        var code = DoubleMetaphone.Encode(name);
        Assert.True(code.IsEmpty);
        Assert.Equal(default, code);
        Assert.True(DoubleMetaphone.TryEncode(name, [], [], out var p, out var a));
        Assert.Equal((0, 0), (p, a));
    }

    [Fact]
    public void The_default_length_is_twelve_and_longer_codes_are_cut()
    {
        const string Long = "Wolfeschlegelsteinhausenbergerdorff";
        var full = DoubleMetaphone.Encode(Long, int.MaxValue);
        Assert.True(full.Primary.Length > DoubleMetaphone.DefaultMaxLength);
        var cut = DoubleMetaphone.Encode(Long);
        Assert.Equal(full.Primary[..12], cut.Primary);
        Assert.Equal(full.Alternate[..Math.Min(12, full.Alternate.Length)], cut.Alternate);
    }

    [Fact]
    public void A_too_short_destination_leaves_both_untouched()
    {
        char[] primary = ['#', '#', '#', '#', '#'];
        char[] alternate = ['#', '#'];
        Assert.False(DoubleMetaphone.TryEncode("Smith", primary, alternate, out var p, out var a));
        Assert.Equal((0, 0), (p, a));
        Assert.Equal("#####", new string(primary));
        Assert.Equal("##", new string(alternate));

        Span<char> single = ['#', '#'];
        Assert.False(DoubleMetaphone.TryEncode("Smith", single, out var written));
        Assert.Equal(0, written);
        Assert.Equal("##", single.ToString());
    }

    [Fact]
    public void The_primary_only_overload_writes_the_primary()
    {
        Span<char> buffer = stackalloc char[DoubleMetaphone.DefaultMaxLength];
        Assert.True(DoubleMetaphone.TryEncode("Catherine", buffer, out var written));
        Assert.Equal("K0RN", buffer[..written].ToString());
        Assert.True(DoubleMetaphone.TryEncode("Thompson", buffer, out written, DoubleMetaphone.ClassicMaxLength));
        Assert.Equal("TMPS", buffer[..written].ToString());
    }

    [Fact]
    public void Arguments_are_checked()
    {
        Assert.Throws<ArgumentNullException>(() => DoubleMetaphone.Encode(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => DoubleMetaphone.Encode("Smith", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DoubleMetaphone.TryEncode("Smith", new char[4], new char[4], out _, out _, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DoubleMetaphone.TryEncode("Smith", new char[4], out _, -5));
        Assert.Throws<ArgumentNullException>(() => new DoubleMetaphoneCode(null!, "A"));
    }

    [Fact]
    public void The_code_pair_has_value_semantics_and_keeps_codes_out_of_ToString()
    {
        var smith = DoubleMetaphone.Encode("Smith");
        Assert.Equal(new DoubleMetaphoneCode("SM0", "XMT"), smith);
        Assert.True(smith.HasAlternate);
        Assert.False(DoubleMetaphone.Encode("Thomson").HasAlternate);
        Assert.Equal("TMSN", DoubleMetaphone.Encode("Thomson").Alternate); // no alternate: equal to the primary
        Assert.Equal(new DoubleMetaphoneCode("", ""), default);
        Assert.Equal(new DoubleMetaphoneCode("", "").GetHashCode(), default(DoubleMetaphoneCode).GetHashCode());
        Assert.True(default(DoubleMetaphoneCode).IsEmpty);
        Assert.Equal("", default(DoubleMetaphoneCode).Primary);
        Assert.DoesNotContain("SM0", smith.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("XMT", smith.ToString(), StringComparison.Ordinal);
    }

    private static void AssertCodes(string name, string primary, string alternate, int maxLength, string source)
    {
        Assert.False(string.IsNullOrEmpty(source));
        Assert.Equal(new DoubleMetaphoneCode(primary, alternate), DoubleMetaphone.Encode(name, maxLength));

        Span<char> p = stackalloc char[maxLength];
        Span<char> a = stackalloc char[maxLength];
        Assert.True(DoubleMetaphone.TryEncode(name, p, a, out var pw, out var aw, maxLength));
        Assert.Equal(primary, p[..pw].ToString());
        Assert.Equal(alternate, a[..aw].ToString());
    }
}
