// The baseline is deliberately the plain string code people write; the analyzers' span advice would turn it into
// something else.
#pragma warning disable CA1845 // Use span-based string.Concat

using System.Text;
using System.Text.RegularExpressions;

namespace NhsIdentity.Benchmarks;

/// <summary>
/// The straightforward string-building implementations people write from the published definitions (upper-case
/// the whole name, string concatenation, <see cref="StringBuilder"/>, <see cref="string.Replace(string, string)"/> and
/// static <see cref="Regex"/> instances): the baseline rows of <see cref="PhoneticBench"/>. They follow the same
/// rules as the library (the benchmark's setup checks that they agree on every input), so the rows compare
/// implementations, not algorithms.
/// </summary>
public static class PhoneticNaive
{
    // ------------------------------------------------------------------ Soundex

    /// <summary>American Soundex (NARA rules, H and W transparent).</summary>
    public static string Soundex(string name)
    {
        var upper = name.ToUpperInvariant();
        var letters = "";
        foreach (var c in upper)
        {
            if (c >= 'A' && c <= 'Z')
            {
                letters += c;
            }
        }

        if (letters.Length == 0)
        {
            return "";
        }

        var code = new StringBuilder();
        code.Append(letters[0]);
        var previous = SoundexDigit(letters[0]);
        if (previous == "h")
        {
            previous = "0";
        }

        for (var i = 1; i < letters.Length && code.Length < 4; i++)
        {
            var digit = SoundexDigit(letters[i]);
            if (digit == "h")
            {
                continue;
            }

            if (digit != "0" && digit != previous)
            {
                code.Append(digit);
            }

            previous = digit;
        }

        while (code.Length < 4)
        {
            code.Append('0');
        }

        return code.ToString();
    }

    private static string SoundexDigit(char c)
    {
        if ("BFPV".Contains(c))
        {
            return "1";
        }

        if ("CGJKQSXZ".Contains(c))
        {
            return "2";
        }

        if ("DT".Contains(c))
        {
            return "3";
        }

        if (c == 'L')
        {
            return "4";
        }

        if ("MN".Contains(c))
        {
            return "5";
        }

        if (c == 'R')
        {
            return "6";
        }

        return "HW".Contains(c) ? "h" : "0";
    }

    // ------------------------------------------------------------------ NYSIIS

    /// <summary>NYSIIS (Taft's rules), truncated to six characters.</summary>
    public static string Nysiis(string name)
    {
        var s = "";
        foreach (var c in name.ToUpperInvariant())
        {
            if (c >= 'A' && c <= 'Z')
            {
                s += c;
            }
        }

        if (s.Length == 0)
        {
            return "";
        }

        if (s.StartsWith("MAC", StringComparison.Ordinal))
        {
            s = "MCC" + s.Substring(3);
        }
        else if (s.StartsWith("KN", StringComparison.Ordinal))
        {
            s = "NN" + s.Substring(2);
        }
        else if (s.StartsWith('K'))
        {
            s = "C" + s.Substring(1);
        }
        else if (s.StartsWith("PH", StringComparison.Ordinal) || s.StartsWith("PF", StringComparison.Ordinal))
        {
            s = "FF" + s.Substring(2);
        }
        else if (s.StartsWith("SCH", StringComparison.Ordinal))
        {
            s = "SSS" + s.Substring(3);
        }

        if (s.EndsWith("EE", StringComparison.Ordinal) || s.EndsWith("IE", StringComparison.Ordinal))
        {
            s = s.Substring(0, s.Length - 2) + "Y";
        }

        foreach (var ending in new[] { "DT", "RT", "RD", "NT", "ND" })
        {
            if (s.EndsWith(ending, StringComparison.Ordinal))
            {
                s = s.Substring(0, s.Length - 2) + "D";
                break;
            }
        }

        var chars = s.ToCharArray();
        var key = new StringBuilder();
        key.Append(chars[0]);
        for (var i = 1; i < chars.Length; i++)
        {
            var next = i + 1 < chars.Length ? chars[i + 1] : ' ';
            var afterNext = i + 2 < chars.Length ? chars[i + 2] : ' ';
            var replacement = NysiisTranscode(chars[i - 1], chars[i], next, afterNext);
            for (var j = 0; j < replacement.Length; j++)
            {
                chars[i + j] = replacement[j];
            }

            if (chars[i] != chars[i - 1])
            {
                key.Append(chars[i]);
            }
        }

        var result = key.ToString();
        if (result.Length > 1 && result.EndsWith('S'))
        {
            result = result.Substring(0, result.Length - 1);
        }

        if (result.Length > 2 && result.EndsWith("AY", StringComparison.Ordinal))
        {
            result = result.Substring(0, result.Length - 2) + "Y";
        }

        if (result.Length > 1 && result.EndsWith('A'))
        {
            result = result.Substring(0, result.Length - 1);
        }

        return result.Length > 6 ? result.Substring(0, 6) : result;
    }

    private static string NysiisTranscode(char previous, char current, char next, char afterNext)
    {
        if (current == 'E' && next == 'V')
        {
            return "AF";
        }

        if ("AEIOU".Contains(current))
        {
            return "A";
        }

        switch (current)
        {
            case 'Q': return "G";
            case 'Z': return "S";
            case 'M': return "N";
            case 'K': return next == 'N' ? "NN" : "C";
        }

        if (current == 'S' && next == 'C' && afterNext == 'H')
        {
            return "SSS";
        }

        if (current == 'P' && next == 'H')
        {
            return "FF";
        }

        if (current == 'H' && (!"AEIOU".Contains(previous) || !"AEIOU".Contains(next)))
        {
            return previous.ToString();
        }

        if (current == 'W' && "AEIOU".Contains(previous))
        {
            return previous.ToString();
        }

        return current.ToString();
    }

    // ------------------------------------------------------------------ Caverphone 2.0

    private static readonly (Regex Pattern, string Replacement)[] CaverphoneRegexSteps =
    [
        (new Regex("^cough"), "cou2f"), (new Regex("^rough"), "rou2f"), (new Regex("^tough"), "tou2f"),
        (new Regex("^enough"), "enou2f"), (new Regex("^trough"), "trou2f"), (new Regex("^gn"), "2n"),
        (new Regex("mb$"), "m2"),
    ];

    private static readonly Regex NotLetter = new("[^a-z]");
    private static readonly Regex FinalE = new("e$");
    private static readonly Regex InitialVowel = new("^[aeiou]");
    private static readonly Regex Vowel = new("[aeiou]");
    private static readonly Regex InitialY3 = new("^y3");
    private static readonly Regex InitialY = new("^y");
    private static readonly Regex FinalW = new("w$");
    private static readonly Regex InitialH = new("^h");
    private static readonly Regex FinalR = new("r$");
    private static readonly Regex FinalL = new("l$");
    private static readonly Regex Final3 = new("3$");
    private static readonly Regex[] Runs = [new("s+"), new("t+"), new("p+"), new("k+"), new("f+"), new("m+"), new("n+")];

    /// <summary>Caverphone 2.0 (Hood 2004), one replacement per specification step.</summary>
    public static string Caverphone2(string name)
    {
        var t = NotLetter.Replace(name.ToLowerInvariant(), "");
        if (t.Length == 0)
        {
            return "";
        }

        t = FinalE.Replace(t, "");
        foreach (var (pattern, replacement) in CaverphoneRegexSteps)
        {
            t = pattern.Replace(t, replacement);
        }

        t = t.Replace("cq", "2q").Replace("ci", "si").Replace("ce", "se").Replace("cy", "sy").Replace("tch", "2ch")
            .Replace("c", "k").Replace("q", "k").Replace("x", "k").Replace("v", "f").Replace("dg", "2g")
            .Replace("tio", "sio").Replace("tia", "sia").Replace("d", "t").Replace("ph", "fh").Replace("b", "p")
            .Replace("sh", "s2").Replace("z", "s");
        t = InitialVowel.Replace(t, "A");
        t = Vowel.Replace(t, "3");
        t = t.Replace("j", "y");
        t = InitialY3.Replace(t, "Y3");
        t = InitialY.Replace(t, "A");
        t = t.Replace("y", "3").Replace("3gh3", "3kh3").Replace("gh", "22").Replace("g", "k");
        var markers = "STPKFMN";
        for (var i = 0; i < Runs.Length; i++)
        {
            t = Runs[i].Replace(t, markers[i].ToString());
        }

        t = t.Replace("w3", "W3").Replace("wh3", "Wh3");
        t = FinalW.Replace(t, "3");
        t = t.Replace("w", "2");
        t = InitialH.Replace(t, "A");
        t = t.Replace("h", "2").Replace("r3", "R3");
        t = FinalR.Replace(t, "3");
        t = t.Replace("r", "2").Replace("l3", "L3");
        t = FinalL.Replace(t, "3");
        t = t.Replace("l", "2").Replace("2", "");
        t = Final3.Replace(t, "A");
        t = t.Replace("3", "");
        return (t + "1111111111").Substring(0, 10);
    }
}
