namespace NhsIdentity.Text.Phonetics;

/// <summary>
/// Hood's Caverphone 2.0 rewrite steps over a lower-case a-z buffer, in place. No step makes the text longer, so
/// each is a left-to-right pass with a write position that never overtakes the read position, which gives the same
/// result as the specification's regular-expression "replace all" (non-overlapping matches, left to right).
/// Neighbouring steps are fused into one pass where that cannot change the result (each fusion says why); the
/// property tests compare the whole with a step-by-step regular-expression transcription of the specification.
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

        // Leading cough, rough, tough, enough, trough, gn (same length, at most one applies); final mb.
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

        // cq->2q, ci->si, ce->se, cy->sy, tch->2ch: one pass. A c rewrites by what follows it, and no rewrite
        // makes a new c, so each c meets the same case as in separate passes; tch is the only pattern with t.
        for (var i = 0; i < n; i++)
        {
            var c = s[i];
            if (c == 'c')
            {
                var next = i + 1 < n ? s[i + 1] : '\0';
                if (next == 'q')
                {
                    s[i] = '2';
                }
                else if (next is 'i' or 'e' or 'y')
                {
                    s[i] = 's';
                }
            }
            else if (c == 't' && i + 2 < n && s[i + 1] == 'c' && s[i + 2] == 'h')
            {
                s[i] = '2';
                i += 2; // the match consumes "tch"; its c is not a "c+i/e/y/q" candidate (h follows)
            }
        }

        // c->k, q->k, x->k, v->f: single-letter maps into letters none of them reads.
        for (var i = 0; i < n; i++)
        {
            s[i] = s[i] switch
            {
                'c' or 'q' or 'x' => 'k',
                'v' => 'f',
                var other => other,
            };
        }

        // dg->2g; then tio->sio and tia->sia (one pass: both are "ti" before o or a).
        for (var i = 0; i + 1 < n; i++)
        {
            if (s[i] == 'd' && s[i + 1] == 'g')
            {
                s[i] = '2';
            }
        }

        for (var i = 0; i + 2 < n; i++)
        {
            if (s[i] == 't' && s[i + 1] == 'i' && s[i + 2] is 'o' or 'a')
            {
                s[i] = 's';
            }
        }

        // ph->fh before b->p (so a "bh" does not become "fh").
        for (var i = 0; i + 1 < n; i++)
        {
            if (s[i] == 'p' && s[i + 1] == 'h')
            {
                s[i] = 'f';
            }
        }

        // d->t, b->p, sh->s2, z->s: one pass. d->t moves after ph (neither touches d or t); sh is tested on the
        // letter as it was, so a z that becomes s does not start an sh, as in the specification's order.
        for (var i = 0; i < n; i++)
        {
            switch (s[i])
            {
                case 'd':
                    s[i] = 't';
                    break;
                case 'b':
                    s[i] = 'p';
                    break;
                case 'z':
                    s[i] = 's';
                    break;
                case 's' when i + 1 < n && s[i + 1] == 'h':
                    s[i + 1] = '2';
                    i++;
                    break;
            }
        }

        // A leading vowel -> A, other vowels -> 3; j -> y.
        for (var i = 0; i < n; i++)
        {
            var c = s[i];
            if (c is 'a' or 'e' or 'i' or 'o' or 'u')
            {
                s[i] = i == 0 ? 'A' : '3';
            }
            else if (c == 'j')
            {
                s[i] = 'y';
            }
        }

        // ^y3 -> Y3, ^y -> A, y -> 3.
        if (s[0] == 'y')
        {
            s[0] = n > 1 && s[1] == '3' ? 'Y' : 'A';
        }

        s.Replace('y', '3');

        n = ReplaceAll(s, n, "3gh3", "3kh3");
        n = ReplaceAll(s, n, "gh", "22");
        s = s[..n];
        s.Replace('g', 'k');

        // s+, t+, p+, k+, f+, m+, n+ -> one upper-case marker per run: one pass, the runs are of different
        // letters and the markers are not letters any later run step reads.
        n = CollapseRuns(s);
        s = s[..n];

        // w3 -> W3, wh3 -> Wh3, w$ -> 3, w -> 2 (a w is decided by the letters after it, which these steps do not change).
        for (var i = 0; i < n; i++)
        {
            if (s[i] == 'w')
            {
                var next = i + 1 < n ? s[i + 1] : '\0';
                s[i] = next == '3' || (next == 'h' && i + 2 < n && s[i + 2] == '3') ? 'W' : i == n - 1 ? '3' : '2';
            }
        }

        // ^h -> A, h -> 2.
        for (var i = 0; i < n; i++)
        {
            if (s[i] == 'h')
            {
                s[i] = i == 0 ? 'A' : '2';
            }
        }

        // r3 -> R3, r$ -> 3, r -> 2; then the same for l. (A final w made 3 above counts as the 3 after an r.)
        DecideBeforeThree(s, 'r', 'R');
        DecideBeforeThree(s, 'l', 'L');

        // Remove every 2; a final 3 (after the 2s are gone) becomes A; remove every other 3.
        var last = n - 1;
        while (last >= 0 && s[last] == '2')
        {
            last--;
        }

        var write = 0;
        for (var read = 0; read < n; read++)
        {
            var c = s[read];
            if (c == '3' && read == last)
            {
                s[write++] = 'A';
            }
            else if (c is not ('2' or '3'))
            {
                s[write++] = c;
            }
        }

        return write;
    }

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

    /// <summary>"x3" -> X3, "x$" -> 3, "x" -> 2 for the letter <paramref name="letter"/>.</summary>
    private static void DecideBeforeThree(Span<char> s, char letter, char marker)
    {
        var n = s.Length;
        for (var i = 0; i < n; i++)
        {
            if (s[i] == letter)
            {
                s[i] = i + 1 < n && s[i + 1] == '3' ? marker : i == n - 1 ? '3' : '2';
            }
        }
    }

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

    /// <summary>Each run of s, t, p, k, f, m or n becomes one S, T, P, K, F, M or N; returns the new length.</summary>
    private static int CollapseRuns(Span<char> s)
    {
        // The run is tracked, not re-read: writing a marker may already have overwritten s[read - 1].
        var write = 0;
        var run = '\0';
        foreach (var c in s)
        {
            if (c is 's' or 't' or 'p' or 'k' or 'f' or 'm' or 'n')
            {
                if (c != run)
                {
                    s[write++] = (char)(c & ~0x20);
                    run = c;
                }
            }
            else
            {
                s[write++] = c;
                run = '\0';
            }
        }

        return write;
    }
}
