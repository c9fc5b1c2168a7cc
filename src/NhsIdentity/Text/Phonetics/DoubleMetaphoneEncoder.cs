using System.Runtime.CompilerServices;

namespace NhsIdentity.Text.Phonetics;

/// <summary>
/// One run of Lawrence Philips' Double Metaphone rules ("The Double Metaphone Search Algorithm", C/C++ Users
/// Journal, June 2000) over a prepared name: upper-case ASCII letters, <c>Ç</c>, <c>Ñ</c> and single spaces between
/// words. The rules are grouped by letter, in the order and with the conditions of Philips' reference; the
/// comments name the words each rule is for, as his do.
/// </summary>
internal ref struct DoubleMetaphoneEncoder
{
    private readonly ReadOnlySpan<char> _value;
    private readonly int _last;
    private readonly bool _slavoGermanic;
    private readonly Span<char> _primary;
    private readonly Span<char> _alternate;
    private readonly int _maxLength;
    private int _primaryLength;
    private int _alternateLength;

    /// <param name="value">The prepared name (not empty).</param>
    /// <param name="primary">Scratch for the primary code, at least <paramref name="maxLength"/> long or 2 x the name.</param>
    /// <param name="alternate">Scratch for the alternate code, the same size.</param>
    /// <param name="maxLength">Codes stop growing at this length.</param>
    public DoubleMetaphoneEncoder(ReadOnlySpan<char> value, Span<char> primary, Span<char> alternate, int maxLength)
    {
        _value = value;
        _last = value.Length - 1;
        _primary = primary;
        _alternate = alternate;
        _maxLength = maxLength;

        // Philips' test for Slavic and Germanic spellings: a W, a K, or CZ (WITZ contains a W).
        _slavoGermanic = value.Contains('W') || value.Contains('K') || value.Contains("CZ", StringComparison.Ordinal);
    }

    public readonly int PrimaryLength => _primaryLength;

    public readonly int AlternateLength => _alternateLength;

    public void Run()
    {
        // Silent first letters: GNOME, KNIGHT, PNEUMONIA, WRITE, PSYCHE.
        var i = HasAny(0, "GN", "KN", "PN", "WR", "PS") ? 1 : 0;
        while ((_primaryLength < _maxLength || _alternateLength < _maxLength) && i <= _last)
        {
            switch (_value[i])
            {
                case 'A' or 'E' or 'I' or 'O' or 'U' or 'Y':
                    // Vowels count only at the start, all as A.
                    if (i == 0)
                    {
                        Add('A');
                    }

                    i++;
                    break;
                case 'B':
                    Add('P');
                    i += At(i + 1) == 'B' ? 2 : 1;
                    break;
                case 'Ç':
                    Add('S');
                    i++;
                    break;
                case 'C':
                    i = LetterC(i);
                    break;
                case 'D':
                    i = LetterD(i);
                    break;
                case 'F':
                    Add('F');
                    i += At(i + 1) == 'F' ? 2 : 1;
                    break;
                case 'G':
                    i = LetterG(i);
                    break;
                case 'H':
                    // Kept only at the start or between vowels (HH is skipped with it).
                    if ((i == 0 || IsVowel(At(i - 1))) && IsVowel(At(i + 1)))
                    {
                        Add('H');
                        i += 2;
                    }
                    else
                    {
                        i++;
                    }

                    break;
                case 'J':
                    i = LetterJ(i);
                    break;
                case 'K':
                    Add('K');
                    i += At(i + 1) == 'K' ? 2 : 1;
                    break;
                case 'L':
                    i = LetterL(i);
                    break;
                case 'M':
                    Add('M');
                    i += IsDoubleOrSilentBAfterM(i) ? 2 : 1;
                    break;
                case 'N':
                    Add('N');
                    i += At(i + 1) == 'N' ? 2 : 1;
                    break;
                case 'Ñ':
                    Add('N');
                    i++;
                    break;
                case 'P':
                    i = LetterP(i);
                    break;
                case 'Q':
                    Add('K');
                    i += At(i + 1) == 'Q' ? 2 : 1;
                    break;
                case 'R':
                    i = LetterR(i);
                    break;
                case 'S':
                    i = LetterS(i);
                    break;
                case 'T':
                    i = LetterT(i);
                    break;
                case 'V':
                    Add('F');
                    i += At(i + 1) == 'V' ? 2 : 1;
                    break;
                case 'W':
                    i = LetterW(i);
                    break;
                case 'X':
                    i = LetterX(i);
                    break;
                case 'Z':
                    i = LetterZ(i);
                    break;
                default:
                    i++; // the space between words
                    break;
            }
        }
    }

    // ------------------------------------------------------------------ letters

    private int LetterC(int i)
    {
        if (IsGermanicAch(i))
        {
            Add('K'); // BACHER, MACHER, CHIANTI
            return i + 2;
        }

        if (i == 0 && Has(i, "CAESAR"))
        {
            Add('S');
            return i + 2;
        }

        if (Has(i, "CH"))
        {
            return LetterCh(i);
        }

        if (Has(i, "CZ") && !Has(i - 2, "WICZ"))
        {
            Add('S', 'X'); // CZERNY
            return i + 2;
        }

        if (Has(i + 1, "CIA"))
        {
            Add('X'); // FOCACCIA
            return i + 3;
        }

        if (Has(i, "CC") && !(i == 1 && At(0) == 'M'))
        {
            return LetterCc(i); // but not McClelland
        }

        if (HasAny(i, "CK", "CG", "CQ"))
        {
            Add('K');
            return i + 2;
        }

        if (HasAny(i, "CI", "CE", "CY"))
        {
            // Italian CIO, CIE, CIA may be X; English S.
            if (HasAny(i, "CIO", "CIE", "CIA"))
            {
                Add('S', 'X');
            }
            else
            {
                Add('S');
            }

            return i + 2;
        }

        Add('K');
        if (HasAny(i + 1, " C", " Q", " G"))
        {
            return i + 3; // MAC CAFFREY, MAC GREGOR
        }

        return HasAny(i + 1, "C", "K", "Q") && !HasAny(i + 1, "CE", "CI") ? i + 2 : i + 1;
    }

    /// <summary>-ACH- not after a vowel and not before I or E (except BACHER, MACHER), or CHIA: K.</summary>
    private readonly bool IsGermanicAch(int i)
    {
        if (Has(i, "CHIA"))
        {
            return true;
        }

        if (i <= 1 || IsVowel(At(i - 2)) || !Has(i - 1, "ACH"))
        {
            return false;
        }

        var after = At(i + 2);
        return (after != 'I' && after != 'E') || HasAny(i - 2, "BACHER", "MACHER");
    }

    private int LetterCc(int i)
    {
        if (HasAny(i + 2, "I", "E", "H") && !Has(i + 2, "HU"))
        {
            // ACCIDENT, ACCEDE, SUCCEED: KS; BACCI, BERTUCCI and other Italian: X; but not BACCHUS.
            if ((i == 1 && At(0) == 'A') || HasAny(i - 1, "UCCEE", "UCCES"))
            {
                Add("KS");
            }
            else
            {
                Add('X');
            }

            return i + 3;
        }

        Add('K'); // Pierce's rule
        return i + 2;
    }

    private int LetterCh(int i)
    {
        if (i > 0 && Has(i, "CHAE"))
        {
            Add('K', 'X'); // MICHAEL
            return i + 2;
        }

        if (IsGreekInitialCh(i) || IsKhSoundCh(i))
        {
            Add('K'); // CHEMISTRY, CHORUS; Germanic and Greek CH
            return i + 2;
        }

        if (i > 0)
        {
            if (Has(0, "MC"))
            {
                Add('K'); // MCHUGH
            }
            else
            {
                Add('X', 'K');
            }
        }
        else
        {
            Add('X');
        }

        return i + 2;
    }

    private readonly bool IsGreekInitialCh(int i) =>
        i == 0
        && (HasAny(i + 1, "HARAC", "HARIS") || HasAny(i + 1, "HOR", "HYM", "HIA", "HEM"))
        && !Has(0, "CHORE");

    private readonly bool IsKhSoundCh(int i) =>
        HasAny(0, "VAN ", "VON ")
        || Has(0, "SCH")
        || HasAny(i - 2, "ORCHES", "ARCHIT", "ORCHID")
        || HasAny(i + 2, "T", "S")
        || ((HasAny(i - 1, "A", "O", "U", "E") || i == 0)
            && (HasAny(i + 2, "L", "R", "N", "M", "B", "H", "F", "V", "W", " ") || i + 1 == _last));

    private int LetterD(int i)
    {
        if (Has(i, "DG"))
        {
            if (HasAny(i + 2, "I", "E", "Y"))
            {
                Add('J'); // EDGE
                return i + 3;
            }

            Add("TK"); // EDGAR
            return i + 2;
        }

        Add('T');
        return HasAny(i, "DT", "DD") ? i + 2 : i + 1;
    }

    private int LetterG(int i)
    {
        var next = At(i + 1);
        if (next == 'H')
        {
            return LetterGh(i);
        }

        if (next == 'N')
        {
            if (i == 1 && IsVowel(At(0)) && !_slavoGermanic)
            {
                Add("KN", "N"); // AGNES
            }
            else if (!Has(i + 2, "EY") && !_slavoGermanic)
            {
                Add("N", "KN"); // BENIGN; not CAGNEY
            }
            else
            {
                Add("KN");
            }

            return i + 2;
        }

        if (Has(i + 1, "LI") && !_slavoGermanic)
        {
            Add("KL", "L"); // TAGLIARO
            return i + 2;
        }

        if (i == 0 && (next == 'Y' || HasAny(i + 1, "ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER")))
        {
            Add('K', 'J'); // -GES-, -GEP-, -GEL-, -GIE- at the start
            return i + 2;
        }

        if ((Has(i + 1, "ER") || next == 'Y')
            && !HasAny(0, "DANGER", "RANGER", "MANGER")
            && !HasAny(i - 1, "E", "I")
            && !HasAny(i - 1, "RGY", "OGY"))
        {
            Add('K', 'J'); // -GER-, -GY-
            return i + 2;
        }

        if (HasAny(i + 1, "E", "I", "Y") || HasAny(i - 1, "AGGI", "OGGI"))
        {
            // Italian BIAGGI.
            if (HasAny(0, "VAN ", "VON ") || Has(0, "SCH") || Has(i + 1, "ET"))
            {
                Add('K'); // obviously Germanic
            }
            else if (Has(i + 1, "IER"))
            {
                Add('J');
            }
            else
            {
                Add('J', 'K');
            }

            return i + 2;
        }

        Add('K');
        return next == 'G' ? i + 2 : i + 1;
    }

    private int LetterGh(int i)
    {
        if (i > 0 && !IsVowel(At(i - 1)))
        {
            Add('K');
            return i + 2;
        }

        if (i == 0)
        {
            Add(At(i + 2) == 'I' ? 'J' : 'K'); // GHISLANE, GHIRADELLI; GHOST
            return i + 2;
        }

        // Parker's rule, refined: HUGH, BOUGH, BROUGHTON are silent.
        if ((i > 1 && HasAny(i - 2, "B", "H", "D"))
            || (i > 2 && HasAny(i - 3, "B", "H", "D"))
            || (i > 3 && HasAny(i - 4, "B", "H")))
        {
            return i + 2;
        }

        if (i > 2 && At(i - 1) == 'U' && HasAny(i - 3, "C", "G", "L", "R", "T"))
        {
            Add('F'); // LAUGH, MCLAUGHLIN, COUGH, GOUGH, ROUGH, TOUGH
        }
        else if (i > 0 && At(i - 1) != 'I')
        {
            Add('K');
        }

        return i + 2;
    }

    private int LetterJ(int i)
    {
        if (Has(i, "JOSE") || Has(0, "SAN "))
        {
            // Obviously Spanish: JOSE, SAN JACINTO.
            if ((i == 0 && At(i + 4) == ' ') || _value.Length == 4 || Has(0, "SAN "))
            {
                Add('H');
            }
            else
            {
                Add('J', 'H');
            }

            return i + 1;
        }

        if (i == 0)
        {
            Add('J', 'A'); // YANKELOVICH / JANKELOWICZ
        }
        else if (IsVowel(At(i - 1)) && !_slavoGermanic && (At(i + 1) == 'A' || At(i + 1) == 'O'))
        {
            Add('J', 'H'); // Spanish pronunciation of BAJADOR
        }
        else if (i == _last)
        {
            // Philips' reference adds J to the primary only (his alternate " " means "nothing").
            AddPrimary('J');
        }
        else if (!HasAny(i + 1, "L", "T", "K", "S", "N", "M", "B", "Z") && !HasAny(i - 1, "S", "K", "L"))
        {
            Add('J');
        }

        return At(i + 1) == 'J' ? i + 2 : i + 1;
    }

    private int LetterL(int i)
    {
        if (At(i + 1) == 'L')
        {
            if (IsSpanishLl(i))
            {
                AddPrimary('L'); // CABRILLO, GALLEGOS: the alternate drops it
            }
            else
            {
                Add('L');
            }

            return i + 2;
        }

        Add('L');
        return i + 1;
    }

    private readonly bool IsSpanishLl(int i)
    {
        var length = _value.Length;
        if (i == length - 3 && HasAny(i - 1, "ILLO", "ILLA", "ALLE"))
        {
            return true;
        }

        return (HasAny(length - 2, "AS", "OS") || HasAny(length - 1, "A", "O")) && Has(i - 1, "ALLE");
    }

    /// <summary>MM, or the silent B of DUMB and THUMB (and DUMBER).</summary>
    private readonly bool IsDoubleOrSilentBAfterM(int i) =>
        At(i + 1) == 'M' || (Has(i - 1, "UMB") && (i + 1 == _last || Has(i + 2, "ER")));

    private int LetterP(int i)
    {
        if (At(i + 1) == 'H')
        {
            Add('F');
            return i + 2;
        }

        Add('P'); // CAMPBELL, RASPBERRY: the B is absorbed
        return HasAny(i + 1, "P", "B") ? i + 2 : i + 1;
    }

    private int LetterR(int i)
    {
        if (i == _last && !_slavoGermanic && Has(i - 2, "IE") && !HasAny(i - 4, "ME", "MA"))
        {
            AddAlternate('R'); // French ROGIER: silent in the primary
        }
        else
        {
            Add('R');
        }

        return At(i + 1) == 'R' ? i + 2 : i + 1;
    }

    private int LetterS(int i)
    {
        if (HasAny(i - 1, "ISL", "YSL"))
        {
            return i + 1; // ISLAND, ISLE, CARLISLE, CARLYSLE
        }

        if (i == 0 && Has(i, "SUGAR"))
        {
            Add('X', 'S');
            return i + 1;
        }

        if (Has(i, "SH"))
        {
            Add(HasAny(i + 1, "HEIM", "HOEK", "HOLM", "HOLZ") ? 'S' : 'X'); // Germanic SHEIM etc.
            return i + 2;
        }

        if (HasAny(i, "SIO", "SIA") || Has(i, "SIAN"))
        {
            // Italian and Armenian.
            if (_slavoGermanic)
            {
                Add('S');
            }
            else
            {
                Add('S', 'X');
            }

            return i + 3;
        }

        if ((i == 0 && HasAny(i + 1, "M", "N", "L", "W")) || Has(i + 1, "Z"))
        {
            // SMITH matches SCHMIDT, SNIDER matches SCHNEIDER; Slavic SZ.
            Add('S', 'X');
            return Has(i + 1, "Z") ? i + 2 : i + 1;
        }

        if (Has(i, "SC"))
        {
            return LetterSc(i);
        }

        if (i == _last && HasAny(i - 2, "AI", "OI"))
        {
            AddAlternate('S'); // French RESNAIS, ARTOIS
        }
        else
        {
            Add('S');
        }

        return HasAny(i + 1, "S", "Z") ? i + 2 : i + 1;
    }

    private int LetterSc(int i)
    {
        if (At(i + 2) == 'H')
        {
            // Schlesinger's rule.
            if (HasAny(i + 3, "OO", "ER", "EN", "UY", "ED", "EM"))
            {
                // Dutch SCHOOL, SCHOONER; SCHERMERHORN, SCHENKER.
                if (HasAny(i + 3, "ER", "EN"))
                {
                    Add("X", "SK");
                }
                else
                {
                    Add("SK");
                }
            }
            else if (i == 0 && !IsVowel(At(3)) && At(3) != 'W')
            {
                Add('X', 'S');
            }
            else
            {
                Add('X');
            }
        }
        else if (HasAny(i + 2, "I", "E", "Y"))
        {
            Add('S');
        }
        else
        {
            Add("SK");
        }

        return i + 3;
    }

    private int LetterT(int i)
    {
        if (Has(i, "TION") || HasAny(i, "TIA", "TCH"))
        {
            Add('X');
            return i + 3;
        }

        if (Has(i, "TH") || Has(i, "TTH"))
        {
            // THOMAS, THAMES, and Germanic names: T; otherwise TH (0) or T.
            if (HasAny(i + 2, "OM", "AM") || HasAny(0, "VAN ", "VON ") || Has(0, "SCH"))
            {
                Add('T');
            }
            else
            {
                Add('0', 'T');
            }

            return i + 2;
        }

        Add('T');
        return HasAny(i + 1, "T", "D") ? i + 2 : i + 1;
    }

    private int LetterW(int i)
    {
        if (Has(i, "WR"))
        {
            Add('R'); // also in the middle of a word
            return i + 2;
        }

        if (i == 0 && (IsVowel(At(i + 1)) || Has(i, "WH")))
        {
            if (IsVowel(At(i + 1)))
            {
                Add('A', 'F'); // WASSERMAN matches VASSERMAN
            }
            else
            {
                Add('A'); // WOMO matches UOMO
            }

            return i + 1;
        }

        if ((i == _last && IsVowel(At(i - 1)))
            || HasAny(i - 1, "EWSKI", "EWSKY", "OWSKI", "OWSKY")
            || Has(0, "SCH"))
        {
            AddAlternate('F'); // ARNOW matches ARNOFF
            return i + 1;
        }

        if (HasAny(i, "WICZ", "WITZ"))
        {
            Add("TS", "FX"); // Polish FILIPOWICZ
            return i + 4;
        }

        return i + 1;
    }

    private int LetterX(int i)
    {
        if (i == 0)
        {
            Add('S'); // XAVIER
            return i + 1;
        }

        if (!(i == _last && (HasAny(i - 3, "IAU", "EAU") || HasAny(i - 2, "AU", "OU"))))
        {
            Add("KS"); // but silent in French BREAUX
        }

        return HasAny(i + 1, "C", "X") ? i + 2 : i + 1;
    }

    private int LetterZ(int i)
    {
        if (At(i + 1) == 'H')
        {
            Add('J'); // Chinese pinyin ZHAO
            return i + 2;
        }

        if (HasAny(i + 1, "ZO", "ZI", "ZA") || (_slavoGermanic && i > 0 && At(i - 1) != 'T'))
        {
            Add("S", "TS");
        }
        else
        {
            Add('S');
        }

        return At(i + 1) == 'Z' ? i + 2 : i + 1;
    }

    // ------------------------------------------------------------------ helpers

    private static bool IsVowel(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U' or 'Y';

    /// <summary>The letter at <paramref name="index"/>, or <c>'\0'</c> outside the name.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly char At(int index) => (uint)index < (uint)_value.Length ? _value[index] : '\0';

    /// <summary>Whether <paramref name="text"/> occurs at <paramref name="start"/> (false when it would run off either end).</summary>
    private readonly bool Has(int start, string text) =>
        start >= 0 && start <= _value.Length - text.Length && _value.Slice(start, text.Length).SequenceEqual(text);

    private readonly bool HasAny(int start, params ReadOnlySpan<string> texts)
    {
        foreach (var text in texts)
        {
            if (Has(start, text))
            {
                return true;
            }
        }

        return false;
    }

    private void Add(char both) => Add(both, both);

    private void Add(char primary, char alternate)
    {
        AddPrimary(primary);
        AddAlternate(alternate);
    }

    private void Add(string both) => Add(both, both);

    private void Add(string primary, string alternate)
    {
        foreach (var c in primary)
        {
            AddPrimary(c);
        }

        foreach (var c in alternate)
        {
            AddAlternate(c);
        }
    }

    private void AddPrimary(char c)
    {
        if (_primaryLength < _maxLength)
        {
            _primary[_primaryLength++] = c;
        }
    }

    private void AddAlternate(char c)
    {
        if (_alternateLength < _maxLength)
        {
            _alternate[_alternateLength++] = c;
        }
    }
}
