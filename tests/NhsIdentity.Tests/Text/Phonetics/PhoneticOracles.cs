using System.Text;
using System.Text.RegularExpressions;

namespace NhsIdentity.Tests.Text.Phonetics;

/// <summary>
/// Deliberately plain transcriptions of two published definitions, sharing no code with the library, used as
/// independent oracles by the property tests: Soundex as Knuth states it (TAOCP vol. 3, §6.2.5 / the NARA rules)
/// and Caverphone 2.0 as Hood's specification states it, one regular expression per step.
/// </summary>
internal static class PhoneticOracles
{
    /// <summary>Knuth's/NARA's Soundex over the ASCII letters of <paramref name="name"/>; "" without letters.</summary>
    public static string Soundex(string name)
    {
        var letters = new StringBuilder();
        foreach (var c in name)
        {
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
            {
                letters.Append(char.ToUpperInvariant(c));
            }
        }

        if (letters.Length == 0)
        {
            return "";
        }

        static char DigitOf(char c) => c switch
        {
            'B' or 'F' or 'P' or 'V' => '1',
            'C' or 'G' or 'J' or 'K' or 'Q' or 'S' or 'X' or 'Z' => '2',
            'D' or 'T' => '3',
            'L' => '4',
            'M' or 'N' => '5',
            'R' => '6',
            'H' or 'W' => 'h',
            _ => '0',
        };

        // 1. Keep the first letter. 2. Replace consonants by digits, H and W by nothing (so the digits either side
        // become adjacent), vowels by a separator. 3. Merge adjacent equal digits (the first letter's digit
        // included). 4. Drop separators, pad or cut to three digits.
        // The first letter always has a place (H or W first counts as a separator: there is nothing to merge with).
        var digits = new StringBuilder();
        digits.Append(DigitOf(letters[0]) == 'h' ? '0' : DigitOf(letters[0]));
        foreach (var c in letters.ToString(1, letters.Length - 1))
        {
            var d = DigitOf(c);
            if (d != 'h')
            {
                digits.Append(d);
            }
        }

        var merged = new StringBuilder();
        for (var i = 0; i < digits.Length; i++)
        {
            if (i == 0 || digits[i] != digits[i - 1])
            {
                merged.Append(digits[i]);
            }
        }

        var tail = merged.ToString(1, merged.Length - 1).Replace("0", "", StringComparison.Ordinal);
        return (letters[0] + tail + "000")[..4];
    }

    /// <summary>Hood's Caverphone 2.0 steps as regular expressions over the ASCII letters; "" without letters.</summary>
    public static string Caverphone2(string name)
    {
        // ASCII letters first, then lower case: lower-casing first would turn the Kelvin sign into a 'k'.
        var t = Regex.Replace(name, "[^a-zA-Z]", "").ToLowerInvariant();
        if (t.Length == 0)
        {
            return "";
        }

        (string Pattern, string Replacement)[] steps =
        [
            ("e$", ""), ("^cough", "cou2f"), ("^rough", "rou2f"), ("^tough", "tou2f"), ("^enough", "enou2f"),
            ("^trough", "trou2f"), ("^gn", "2n"), ("mb$", "m2"), ("cq", "2q"), ("ci", "si"), ("ce", "se"), ("cy", "sy"),
            ("tch", "2ch"), ("c", "k"), ("q", "k"), ("x", "k"), ("v", "f"), ("dg", "2g"), ("tio", "sio"), ("tia", "sia"),
            ("d", "t"), ("ph", "fh"), ("b", "p"), ("sh", "s2"), ("z", "s"), ("^[aeiou]", "A"), ("[aeiou]", "3"),
            ("j", "y"), ("^y3", "Y3"), ("^y", "A"), ("y", "3"), ("3gh3", "3kh3"), ("gh", "22"), ("g", "k"),
            ("s+", "S"), ("t+", "T"), ("p+", "P"), ("k+", "K"), ("f+", "F"), ("m+", "M"), ("n+", "N"), ("w3", "W3"),
            ("wh3", "Wh3"), ("w$", "3"), ("w", "2"), ("^h", "A"), ("h", "2"), ("r3", "R3"), ("r$", "3"), ("r", "2"),
            ("l3", "L3"), ("l$", "3"), ("l", "2"), ("2", ""), ("3$", "A"), ("3", ""),
        ];
        foreach (var (pattern, replacement) in steps)
        {
            t = Regex.Replace(t, pattern, replacement);
        }

        return (t + "1111111111")[..10];
    }
}
