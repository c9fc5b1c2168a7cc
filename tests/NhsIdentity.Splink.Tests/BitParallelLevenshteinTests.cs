using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Matching.Splink.Sql;

namespace NhsIdentity.Splink.Tests;

/// <summary>The bit-parallel Levenshtein distance the imported models use for texts of up to 64 bytes equals the full
/// matrix on every pair, whichever side is the pattern.</summary>
public sealed class BitParallelLevenshteinTests
{
    private static readonly Gen<byte[]> Text =
        Gen.Choose(0, 70).SelectMany(length => Gen.ArrayOf(Gen.Elements<byte>((byte)'A', (byte)'B', (byte)'C', (byte)' ', 0xC3, 0xA9, 0xFF), length));

    [Property(MaxTest = 2000)]
    public Property Equals_the_full_matrix() =>
        Prop.ForAll(Text.ToArbitrary(), Text.ToArbitrary(), (a, b) =>
            DuckDbStringDistances.Levenshtein(a, b) == DuckDbStringDistances.MatrixLevenshtein(a, b)
            && DuckDbStringDistances.Levenshtein(b, a) == DuckDbStringDistances.MatrixLevenshtein(a, b));

    [Property(MaxTest = 500)]
    public Property A_64_byte_pattern_uses_every_bit() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements<byte>((byte)'x', (byte)'y'), 64).ToArbitrary(), Text.ToArbitrary(), (a, b) =>
            DuckDbStringDistances.BitParallelLevenshtein(a, b.Length == 0 ? [(byte)'x'] : b)
            == DuckDbStringDistances.MatrixLevenshtein(a, b.Length == 0 ? [(byte)'x'] : b));
}
