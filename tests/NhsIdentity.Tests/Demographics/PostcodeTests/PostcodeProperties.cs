using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Demographics;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Demographics.PostcodeTests;

public sealed class PostcodeProperties
{
    private static readonly PostcodeStatus[] AllStatuses = Enum.GetValues<PostcodeStatus>();
    private static readonly PostcodeStyles[] BothStyles = [PostcodeStyles.Lenient, PostcodeStyles.Strict];
    private static readonly PostcodePart[] Parts = Enum.GetValues<PostcodePart>();

    [Property(MaxTest = 3000)]
    public Property Char_entry_points_never_throw_and_agree() =>
        Prop.ForAll(PostcodeArbitraries.AnyText, text =>
        {
            foreach (var styles in BothStyles)
            {
                var status = Postcode.Validate(text.AsSpan(), styles);
                var ok = Postcode.TryParse(text.AsSpan(), styles, out var result, out var tryStatus);
                if (Array.IndexOf(AllStatuses, status) < 0 || status != tryStatus || ok != (status == PostcodeStatus.Valid)
                    || ok == result.IsEmpty || Postcode.IsValid(text.AsSpan(), styles) != ok
                    || Postcode.TryParse(text, styles, out var viaString) != ok || viaString != result)
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = 3000)]
    public Property Utf8_entry_points_never_throw_on_arbitrary_bytes() =>
        Prop.ForAll(PostcodeArbitraries.AnyBytes, bytes =>
        {
            foreach (var styles in BothStyles)
            {
                var status = Postcode.Validate(bytes, styles);
                var ok = Postcode.TryParse(bytes, styles, out var result, out var tryStatus);
                if (Array.IndexOf(AllStatuses, status) < 0 || status != tryStatus || ok != (status == PostcodeStatus.Valid)
                    || ok == result.IsEmpty || Postcode.IsValid(bytes, styles) != ok)
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = 3000)]
    public Property Char_and_utf8_paths_agree() =>
        Prop.ForAll(PostcodeArbitraries.AnyText, text =>
        {
            var utf8 = Encoding.UTF8.GetBytes(text);
            foreach (var styles in BothStyles)
            {
                Postcode.TryParse(text.AsSpan(), styles, out var fromChars, out var charStatus);
                Postcode.TryParse(utf8, styles, out var fromBytes, out var byteStatus);
                if (charStatus != byteStatus || fromChars != fromBytes)
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = 2000)]
    public Property Canonical_text_round_trips_through_every_path() =>
        Prop.ForAll(PostcodeArbitraries.Canonical, text =>
        {
            var p = Postcode.Parse(text, PostcodeStyles.Strict);
            Span<byte> utf8 = stackalloc byte[Postcode.MaxFormattedLength];
            return p.ToString() == text
                && Postcode.Parse(p.ToString("N")) == p
                && p.TryFormat(utf8, out var written)
                && Postcode.Parse(utf8[..written], PostcodeStyles.Strict) == p
                && Postcode.Parse(Encoding.UTF8.GetBytes(p.ToString("N"))) == p;
        });

    [Property(MaxTest = 2000)]
    public Property Case_and_spacing_variants_parse_to_the_same_value() =>
        Prop.ForAll(Arb.From(from t in PostcodeArbitraries.CanonicalText from v in PostcodeArbitraries.Variant(t) select (t, v)), pair =>
            Postcode.Parse(pair.v) == Postcode.Parse(pair.t, PostcodeStyles.Strict));

    [Property(MaxTest = 3000)]
    public Property Normalisation_is_idempotent_and_canonical() =>
        Prop.ForAll(PostcodeArbitraries.AnyText, text =>
        {
            if (!Postcode.TryParse(text, out var once))
            {
                return true;
            }

            var canonical = once.ToString();
            return Postcode.TryParse(canonical, PostcodeStyles.Strict, out var strict) && strict == once
                && Postcode.Parse(canonical) == once && Postcode.Parse(canonical).ToString() == canonical;
        });

    [Property(MaxTest = 3000)]
    public Property Strict_valid_implies_lenient_valid_with_the_same_value() =>
        Prop.ForAll(PostcodeArbitraries.AnyText, text =>
            !Postcode.TryParse(text, PostcodeStyles.Strict, out var strict)
            || (Postcode.TryParse(text, out var lenient) && lenient == strict));

    [Property(MaxTest = 500)]
    public Property Equality_and_comparison_contracts_hold() =>
        Prop.ForAll(PostcodeArbitraries.Valid, PostcodeArbitraries.Valid, (a, b) =>
        {
            var copy = Postcode.Parse(a.ToString());
            if (a == b)
            {
                return copy == b;
            }

            var (low, high) = a < b ? (a, b) : (b, a);
            EqualityContract.Verify(a, copy, b, Postcode.Empty);
            ComparisonContract.Verify(low, Postcode.Parse(low.ToString()), high);
            ComparisonContract.Verify(Postcode.Empty, default, low, high);
            return true;
        });

    [Property(MaxTest = 3000)]
    public Property Geographic_order_is_ordinal_order_of_the_canonical_text() =>
        Prop.ForAll(Arb.From(PostcodeArbitraries.GeographicText), Arb.From(PostcodeArbitraries.GeographicText), (x, y) =>
            Math.Sign(Postcode.Parse(x).CompareTo(Postcode.Parse(y))) == Math.Sign(string.CompareOrdinal(x, y)));

    [Property(MaxTest = 3000)]
    public Property Parts_nest_and_agree_with_their_text() =>
        Prop.ForAll(PostcodeArbitraries.NearPairs, pair =>
        {
            var (a, b) = pair;
            var previous = true;
            foreach (var part in Parts)
            {
                var shares = a.SharesPart(b, part);
                var format = part switch { PostcodePart.Area => "A", PostcodePart.District => "D", PostcodePart.Sector => "S", _ => "U" };
                if ((shares && !previous) || shares != (a.ToString(format) == b.ToString(format))
                    || shares != (a.GetPartKey(part) == b.GetPartKey(part)) || shares != b.SharesPart(a, part))
                {
                    return false;
                }

                previous = shares;
            }

            return a.SharesPart(b, PostcodePart.Unit) == (a == b);
        });

    [Property(MaxTest = 1000)]
    public Property Parts_of_specials_agree_with_their_text() =>
        Prop.ForAll(PostcodeArbitraries.Valid, PostcodeArbitraries.Valid, (a, b) =>
        {
            foreach (var part in Parts)
            {
                var format = part switch { PostcodePart.Area => "A", PostcodePart.District => "D", PostcodePart.Sector => "S", _ => "U" };
                var expected = a.HasLocation && b.HasLocation && a.Kind == b.Kind && a.ToString(format) == b.ToString(format);
                if (a.SharesPart(b, part) != expected)
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = 500)]
    public Property Too_short_buffers_fail_and_stay_untouched() =>
        Prop.ForAll(PostcodeArbitraries.Valid, PostcodeArbitraries.AllFormats, (p, format) =>
        {
            var length = p.ToString(format).Length;
            Span<char> chars = stackalloc char[16];
            Span<byte> bytes = stackalloc byte[16];
            for (var size = 0; size < length; size++)
            {
                var charBuffer = chars[..(size + 2)];
                charBuffer.Fill('\uFFFF');
                var byteBuffer = bytes[..(size + 2)];
                byteBuffer.Fill(0xA5);
                if (p.TryFormat(charBuffer[1..^1], out var cw, format) || cw != 0 || charBuffer.ContainsAnyExcept('\uFFFF')
                    || p.TryFormat(byteBuffer[1..^1], out var bw, format) || bw != 0 || byteBuffer.ContainsAnyExcept((byte)0xA5))
                {
                    return false;
                }
            }

            return p.TryFormat(chars[..length], out var written, format) && written == length
                && ((ISpanFormattable)p).TryFormat(chars[..length], out written, format, null) && written == length
                && ((IUtf8SpanFormattable)p).TryFormat(bytes[..length], out written, format, null) && written == length
                && !((IUtf8SpanFormattable)p).TryFormat(bytes[..(length - 1)], out _, format, null);
        });

    [Property(MaxTest = 1000)]
    public Property Parse_throws_only_FormatException_and_never_echoes_the_text() =>
        Prop.ForAll(PostcodeArbitraries.AnyText, text =>
        {
            try
            {
                return !Postcode.Parse(text).IsEmpty;
            }
            catch (FormatException ex)
            {
                var status = Postcode.Validate(text);
                var trimmed = text.Trim();
                return status != PostcodeStatus.Valid
                    && ex.Message.Contains($"({status})", StringComparison.Ordinal)
                    && (trimmed.Length < 5 || !ex.Message.Contains(trimmed, StringComparison.OrdinalIgnoreCase));
            }
        });
}
