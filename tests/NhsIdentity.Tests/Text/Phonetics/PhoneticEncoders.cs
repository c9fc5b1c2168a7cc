using NhsIdentity.Text.Phonetics;

namespace NhsIdentity.Tests.Text.Phonetics;

/// <summary>A span encoder's shape: the <c>TryEncode(name, destination, out written)</c> of each encoder.</summary>
internal delegate bool TryEncodeSpan(ReadOnlySpan<char> name, Span<char> destination, out int charsWritten);

/// <summary>One encoder configuration, with what its documentation promises about its codes.</summary>
/// <param name="Name">For messages.</param>
/// <param name="TryEncode">The span overload.</param>
/// <param name="Encode">The string overload (or the primary of the pair).</param>
/// <param name="BufferFor">A destination length that always suffices for a name.</param>
/// <param name="IsWellFormed">The documented alphabet and length of a non-empty code, given the name's ASCII letter count.</param>
internal sealed record PhoneticEncoder(
    string Name,
    TryEncodeSpan TryEncode,
    Func<string, string> Encode,
    Func<string, int> BufferFor,
    Func<string, int, bool> IsWellFormed)
{
    public override string ToString() => Name;

    public string EncodeSpan(string name)
    {
        var buffer = new char[BufferFor(name)];
        if (!TryEncode(name, buffer, out var written))
        {
            throw new InvalidOperationException($"{Name}: a buffer of BufferFor(name) was too short.");
        }

        return new string(buffer, 0, written);
    }
}

internal static class PhoneticEncoders
{
    public static readonly PhoneticEncoder[] All =
    [
        new("Soundex", Soundex.TryEncode, Soundex.Encode, _ => Soundex.MaxCodeLength,
            (code, _) => code.Length == 4 && code[0] is >= 'A' and <= 'Z' && code[1..].All(c => c is >= '0' and <= '6')),
        new("NYSIIS", Nysiis.TryEncode, Nysiis.Encode, _ => Nysiis.DefaultMaxLength,
            (code, letters) => code.Length is >= 1 and <= 6 && code.Length <= letters && code.All(char.IsAsciiLetterUpper)),
        new(
            "NYSIIS full",
            (ReadOnlySpan<char> name, Span<char> destination, out int written) => Nysiis.TryEncode(name, destination, out written, int.MaxValue),
            name => Nysiis.Encode(name, int.MaxValue),
            name => name.Length,
            (code, letters) => code.Length >= 1 && code.Length <= letters && code.All(char.IsAsciiLetterUpper)),
        new("Caverphone 2", Caverphone2.TryEncode, Caverphone2.Encode, _ => Caverphone2.MaxCodeLength,
            (code, _) => code.Length == 10 && code.All(c => "AFKLMNPRSTWY1".Contains(c, StringComparison.Ordinal))),
        new("Double Metaphone", DoubleMetaphone.TryEncode, name => DoubleMetaphone.Encode(name).Primary, _ => DoubleMetaphone.DefaultMaxLength,
            (code, letters) => IsDoubleMetaphoneCode(code, letters, DoubleMetaphone.DefaultMaxLength)),
        new(
            "Double Metaphone classic",
            (ReadOnlySpan<char> name, Span<char> destination, out int written) => DoubleMetaphone.TryEncode(name, destination, out written, DoubleMetaphone.ClassicMaxLength),
            name => DoubleMetaphone.Encode(name, DoubleMetaphone.ClassicMaxLength).Primary,
            _ => DoubleMetaphone.ClassicMaxLength,
            (code, letters) => IsDoubleMetaphoneCode(code, letters, DoubleMetaphone.ClassicMaxLength)),
    ];

    /// <summary>The documented Double Metaphone alphabet; empty codes are allowed (a name of silent letters, "GH").</summary>
    public static bool IsDoubleMetaphoneCode(string code, int letters, int maxLength) =>
        code.Length <= maxLength && code.Length <= 2 * letters && code.All(c => "AFHJKLMNPRSTX0".Contains(c, StringComparison.Ordinal));

    /// <summary>The number of characters an encoder counts as letters (ASCII letters; Ç and Ñ for Double Metaphone).</summary>
    public static int LetterCount(string name, bool doubleMetaphone = false) =>
        name.Count(c => char.IsAsciiLetter(c) || (doubleMetaphone && c is 'ç' or 'Ç' or 'ñ' or 'Ñ'));
}
