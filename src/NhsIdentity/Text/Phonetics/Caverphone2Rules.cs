namespace NhsIdentity.Text.Phonetics;

/// <summary>
/// Hood's Caverphone 2.0 rewrite steps over a lower-case a-z buffer, in place. No step makes the text longer, so
/// each is one left-to-right pass with a write position that never overtakes the read position, which gives the
/// same result as the specification's regular-expression "replace all" (non-overlapping matches, left to right).
/// Upper-case letters and the digits 2 and 3 are the specification's markers for letters already decided.
/// </summary>
internal static class Caverphone2Rules
{
    /// <summary>Applies every step; returns the new length (before padding).</summary>
    public static int Apply(Span<char> text)
    {
        var n = text.Length;

        if (text[n - 1] == 'e')
        {
            n--; // "e$" -> ""
            if (n == 0)
            {
                return 0;
            }
        }

        var s = text[..n];
        if (!ReplaceStart(s, "cough", "cou2f")
            && !ReplaceStart(s, "rough", "rou2f")
            && !ReplaceStart(s, "tough", "tou2f")
            && !ReplaceStart(s, "enough", "enou2f")
            && !ReplaceStart(s, "trough", "trou2f"))
        {
            ReplaceStart(s, "gn", "2n");
        }

        if (s.EndsWith("mb"))
        {
            s[n - 1] = '2';
        }

        n = ReplaceAll(s, n, "cq", "2q");
        n = ReplaceAll(s, n, "ci", "si");
        n = ReplaceAll(s, n, "ce", "se");
        n = ReplaceAll(s, n, "cy", "sy");
        n = ReplaceAll(s, n, "tch", "2ch");
        Map(s[..n], 'c', 'k');
        Map(s[..n], 'q', 'k');
        Map(s[..n], 'x', 'k');
        Map(s[..n], 'v', 'f');
        n = ReplaceAll(s, n, "dg", "2g");
        n = ReplaceAll(s, n, "tio", "sio");
        n = ReplaceAll(s, n, "tia", "sia");
        Map(s[..n], 'd', 't');
        n = ReplaceAll(s, n, "ph", "fh");
        Map(s[..n], 'b', 'p');
        n = ReplaceAll(s, n, "sh", "s2");
        Map(s[..n], 'z', 's');

        s = s[..n];
        if (IsVowel(s[0]))
        {
            s[0] = 'A';
        }

        for (var i = 0; i < n; i++)
        {
            if (IsVowel(s[i]))
            {
                s[i] = '3';
            }
        }

        Map(s, 'j', 'y');
        if (s.StartsWith("y3"))
        {
            s[0] = 'Y';
        }

        if (s[0] == 'y')
        {
            s[0] = 'A';
        }

        Map(s, 'y', '3');
        n = ReplaceAll(s, n, "3gh3", "3kh3");
        n = ReplaceAll(s, n, "gh", "22");
        Map(s[..n], 'g', 'k');
        n = CollapseRun(s, n, 's', 'S');
        n = CollapseRun(s, n, 't', 'T');
        n = CollapseRun(s, n, 'p', 'P');
        n = CollapseRun(s, n, 'k', 'K');
        n = CollapseRun(s, n, 'f', 'F');
        n = CollapseRun(s, n, 'm', 'M');
        n = CollapseRun(s, n, 'n', 'N');
        s = s[..n];

        ReplaceAll(s, n, "w3", "W3");
        ReplaceAll(s, n, "wh3", "Wh3");
        if (s[n - 1] == 'w')
        {
            s[n - 1] = '3';
        }

        Map(s, 'w', '2');
        if (s[0] == 'h')
        {
            s[0] = 'A';
        }

        Map(s, 'h', '2');
        ReplaceAll(s, n, "r3", "R3");
        if (s[n - 1] == 'r')
        {
            s[n - 1] = '3';
        }

        Map(s, 'r', '2');
        ReplaceAll(s, n, "l3", "L3");
        if (s[n - 1] == 'l')
        {
            s[n - 1] = '3';
        }

        Map(s, 'l', '2');

        n = Remove(s, n, '2');
        if (n > 0 && s[n - 1] == '3')
        {
            s[n - 1] = 'A';
        }

        return Remove(s, n, '3');
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>"^pattern" -> replacement (same length).</summary>
    private static bool ReplaceStart(Span<char> s, string pattern, string replacement)
    {
        if (!s.StartsWith(pattern))
        {
            return false;
        }

        replacement.CopyTo(s);
        return true;
    }

    /// <summary>Every <paramref name="from"/> becomes <paramref name="to"/>.</summary>
    private static void Map(Span<char> s, char from, char to) => s.Replace(from, to);

    /// <summary>"pattern" -> replacement everywhere (replacement no longer than pattern); returns the new length.</summary>
    private static int ReplaceAll(Span<char> s, int n, string pattern, string replacement)
    {
        var first = s[..n].IndexOf(pattern);
        if (first < 0)
        {
            return n;
        }

        var read = first;
        var write = first;
        while (read < n)
        {
            if (read <= n - pattern.Length && s.Slice(read, pattern.Length).SequenceEqual(pattern))
            {
                replacement.CopyTo(s[write..]);
                write += replacement.Length;
                read += pattern.Length;
            }
            else
            {
                s[write++] = s[read++];
            }
        }

        return write;
    }

    /// <summary>"c+" -> marker: each run of <paramref name="c"/> becomes one <paramref name="marker"/>; returns the new length.</summary>
    private static int CollapseRun(Span<char> s, int n, char c, char marker)
    {
        var first = s[..n].IndexOf(c);
        if (first < 0)
        {
            return n;
        }

        // The run state is tracked, not re-read: writing the marker may already have overwritten s[read - 1].
        var write = first;
        var inRun = false;
        for (var read = first; read < n; read++)
        {
            if (s[read] != c)
            {
                s[write++] = s[read];
                inRun = false;
            }
            else if (!inRun)
            {
                s[write++] = marker;
                inRun = true;
            }
        }

        return write;
    }

    /// <summary>Removes every <paramref name="c"/>; returns the new length.</summary>
    private static int Remove(Span<char> s, int n, char c)
    {
        var write = 0;
        for (var read = 0; read < n; read++)
        {
            if (s[read] != c)
            {
                s[write++] = s[read];
            }
        }

        return write;
    }
}
