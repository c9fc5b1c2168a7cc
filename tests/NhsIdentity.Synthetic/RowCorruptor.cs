using System.Globalization;
using NhsIdentity.Demographics;
using NhsIdentity.Text;

namespace NhsIdentity.Synthetic;

/// <summary>Writes one person as one supplier row, applying the profile's errors; all draws from one <see cref="Random"/>.</summary>
internal sealed class RowCorruptor
{
    private static readonly DateOnly LatestDate = new(2025, 12, 31);

    private readonly Random _random;
    private readonly SupplierDialect _dialect;
    private readonly ErrorProfile _profile;
    private readonly SyntheticTables _tables = SyntheticTables.Default;
    private readonly NicknameTable _nicknames = NicknameTable.Default;
    private readonly long _duplicateNumberOffset;
    private long _duplicateCount;

    public RowCorruptor(Random random, SupplierDialect dialect, ErrorProfile profile)
    {
        _random = random;
        _dialect = dialect;
        _profile = profile;
        _duplicateNumberOffset = random.NextInt64(HouseholdBuilder.HospitalNumberModulus);
    }

    public SupplierRow MakeRow(SyntheticPerson person, int rowIndex, bool isDuplicate)
    {
        var errors = RecordErrors.None;
        var given = person.GivenName;
        var middle = person.MiddleNames;
        var family = person.FamilyName;

        if (person.Sex == Sex.Female && person.DateOfBirth.Year <= 2007 && Roll(_profile.SurnameChange))
        {
            var other = _tables.Surnames.Next(_random);
            while (string.Equals(other, family, StringComparison.Ordinal))
            {
                other = _tables.Surnames.Next(_random);
            }

            family = _random.Next(4) == 0 ? family + "-" + other : other;
            errors |= RecordErrors.SurnameChange;
        }
        else if (family.Contains('-', StringComparison.Ordinal) && Roll(_profile.SurnamePart))
        {
            var hyphen = family.IndexOf('-', StringComparison.Ordinal);
            family = _random.Next(2) == 0 ? family[..hyphen] : family[(hyphen + 1)..];
            errors |= RecordErrors.SurnamePart;
        }
        else if (!family.Contains('-', StringComparison.Ordinal) && Roll(_profile.DoubleBarrelled))
        {
            family = DoubleBarrel(family);
            errors |= RecordErrors.DoubleBarrelled;
        }

        if (Roll(_profile.Nickname) && TryNickname(given, out var nickname))
        {
            given = nickname;
            errors |= RecordErrors.Nickname;
        }
        else if (Roll(_profile.NicknameAndTypo) && TryNickname(given, out nickname))
        {
            // The typo lands in the nickname or the family name: either way two fields disagree with the other source.
            // A typo that turns the nickname back into the given name (Janet to Jane) goes to the family name instead.
            var typed = _random.Next(2) == 0 ? Typo(nickname) : null;
            if (typed is not null && !string.Equals(typed, person.GivenName, StringComparison.OrdinalIgnoreCase))
            {
                given = typed;
            }
            else
            {
                given = nickname;
                family = Typo(family);
            }

            errors |= RecordErrors.NicknameAndTypo;
        }

        if (Roll(_profile.NameTypo))
        {
            if (_random.Next(2) == 0)
            {
                given = Typo(given);
            }
            else
            {
                family = Typo(family);
            }

            errors |= RecordErrors.NameTypo;
        }

        if (Roll(_profile.NameSwap))
        {
            (given, family) = (family, given);
            middle = string.Empty;
            errors |= RecordErrors.NameSwap;
        }
        else if (Roll(_profile.NameSwapAndMove))
        {
            (given, family) = (family, given);
            middle = string.Empty;
            errors |= RecordErrors.NameSwapAndMove;
        }

        var dateOfBirth = person.DateOfBirth;
        if (!(dateOfBirth.Day == 1 && dateOfBirth.Month == 1) && Roll(_profile.DateOfBirthPlaceholder))
        {
            dateOfBirth = new DateOnly(dateOfBirth.Year, 1, 1);
            errors |= RecordErrors.DateOfBirthPlaceholder;
        }
        else if (dateOfBirth.Day <= 12 && dateOfBirth.Day != dateOfBirth.Month && Roll(_profile.DayMonthSwap))
        {
            dateOfBirth = new DateOnly(dateOfBirth.Year, dateOfBirth.Day, dateOfBirth.Month);
            errors |= RecordErrors.DayMonthSwap;
        }
        else if (Roll(_profile.DateOfBirthDigit) && TryChangeOneDigit(dateOfBirth, out var changed))
        {
            dateOfBirth = changed;
            errors |= RecordErrors.DateOfBirthDigit;
        }

        var address = person.Address;
        if (Roll(_profile.MovedHouse))
        {
            address = AnotherAddress(address);
            errors |= RecordErrors.MovedHouse;
        }
        else if ((errors & RecordErrors.NameSwapAndMove) != 0)
        {
            address = AnotherAddress(address);
        }

        var nhsNumber = string.Empty;
        if (Roll(_profile.MissingNhsNumber))
        {
            errors |= RecordErrors.MissingNhsNumber;
        }
        else
        {
            nhsNumber = person.NhsNumber.ToString(_dialect == SupplierDialect.Pas ? "N" : "S", CultureInfo.InvariantCulture);
        }

        // The dialect's layout, then the field-level errors on the written text.
        var pas = _dialect == SupplierDialect.Pas;
        var givenText = pas || middle.Length == 0 ? given : given + " " + middle;
        var swapped = (errors & (RecordErrors.NameSwap | RecordErrors.NameSwapAndMove)) != 0;
        if (!swapped && Roll(_profile.MiddleNameOneSource))
        {
            givenText = pas ? given + " " + (middle.Length != 0 ? middle.Split(' ')[0] : InventedMiddleName(person))
                : middle.Length != 0 ? given : given + " " + InventedMiddleName(person);
            errors |= RecordErrors.MiddleNameOneSource;
        }

        if (!swapped && (errors & (RecordErrors.Nickname | RecordErrors.NicknameAndTypo)) == 0 && Roll(_profile.GivenNameInitial))
        {
            givenText = Initials.Of(givenText, fullStop: _random.Next(2) == 0);
            errors |= RecordErrors.GivenNameInitial;
        }

        var familyText = pas ? family.ToUpperInvariant() : family;
        var dateText = dateOfBirth.ToString(pas ? "dd/MM/yyyy" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Roll(_profile.MissingDateOfBirth))
        {
            dateText = string.Empty;
            errors |= RecordErrors.MissingDateOfBirth;
        }
        else if (Roll(_profile.PartialDateOfBirth))
        {
            // Year only is the commonest (an age or a year on the form), then a month left blank.
            var kind = _random.Next(4) switch
            {
                0 => PartialDateKind.DayUnknown,
                1 => PartialDateKind.MonthAndYear,
                _ => PartialDateKind.YearOnly,
            };
            dateText = PartialDate.Write(dateOfBirth, _dialect, kind, zeroFilled: _random.Next(2) == 0);
            errors |= RecordErrors.PartialDateOfBirth;
        }
        var sexText = SexText(person.Sex);
        string[] lines = pas
            ? address.Flat.Length != 0 ? [address.Flat, address.Street, address.Town] : [address.Street, address.Town, string.Empty]
            : [address.Flat.Length != 0 ? address.Flat + ", " + address.Street + ", " + address.Town : address.Street + ", " + address.Town];
        var postcode = address.Postcode;

        if (Roll(_profile.MissingField))
        {
            switch (_random.Next(5))
            {
                case 0:
                    givenText = string.Empty;
                    break;
                case 1:
                    dateText = string.Empty;
                    break;
                case 2:
                    sexText = _random.Next(2) == 0 ? string.Empty : SexText(Sex.Unknown);
                    break;
                case 3:
                    Array.Fill(lines, string.Empty);
                    break;
                default:
                    postcode = string.Empty;
                    break;
            }

            errors |= RecordErrors.MissingField;
        }

        if (Roll(_profile.OcrNoise))
        {
            errors |= MisreadOneField(ref givenText, ref familyText, lines, ref postcode);
        }

        if (Roll(_profile.CaseAndSpacing))
        {
            switch (_random.Next(3))
            {
                case 0 when givenText.Length != 0:
                    givenText = CaseOrSpacing(givenText);
                    break;
                case 1:
                    familyText = CaseOrSpacing(familyText);
                    break;
                default:
                    postcode = postcode.Length == 0 ? postcode : PostcodeSpacing(postcode);
                    familyText = postcode.Length == 0 ? CaseOrSpacing(familyText) : familyText;
                    break;
            }

            errors |= RecordErrors.CaseAndSpacing;
        }

        string id;
        string localIdentifier;
        if (pas)
        {
            // A duplicate registration gets a new hospital number, from another site's series (RX2: no person's, see
            // SyntheticPerson.FormatHospitalNumber).
            id = isDuplicate ? "RX2" + HouseholdBuilder.HospitalDigits(_duplicateCount++, _duplicateNumberOffset).ToString("D7", CultureInfo.InvariantCulture) : person.HospitalNumber;
            localIdentifier = id;
        }
        else
        {
            id = "G" + (rowIndex + 1).ToString("D8", CultureInfo.InvariantCulture);
            localIdentifier = Roll(_profile.LocalIdentifierShared) ? person.HospitalNumber : string.Empty;
        }

        return new SupplierRow
        {
            Dialect = _dialect,
            Id = id,
            PersonId = person.PersonId,
            IsDuplicate = isDuplicate,
            Errors = errors,
            NhsNumber = nhsNumber,
            GivenNames = givenText,
            FamilyName = familyText,
            DateOfBirth = dateText,
            Sex = sexText,
            AddressLines = lines,
            Postcode = postcode,
            LocalIdentifier = localIdentifier,
            Person = person,
        };
    }

    // Draws only for a rate above 0: the error types added later leave earlier profiles' extracts unchanged.
    private bool Roll(double rate) => rate > 0 && _random.NextDouble() < rate;

    private SyntheticAddress AnotherAddress(SyntheticAddress address)
    {
        var moved = HouseholdBuilder.RandomAddress(_random, _tables);
        while (string.Equals(moved.Postcode, address.Postcode, StringComparison.Ordinal))
        {
            moved = HouseholdBuilder.RandomAddress(_random, _tables);
        }

        return moved;
    }

    /// <summary>The family name with a second surname before or after it, joined by a hyphen (three times in four) or a space.</summary>
    private string DoubleBarrel(string family)
    {
        var other = _tables.Surnames.Next(_random);
        while (string.Equals(other, family, StringComparison.Ordinal))
        {
            other = _tables.Surnames.Next(_random);
        }

        var joint = _random.Next(4) == 0 ? " " : "-";
        return _random.Next(2) == 0 ? family + joint + other : other + joint + family;
    }

    /// <summary>A middle name for a person who has none: a name of their sex and birth year other than the given name.</summary>
    private string InventedMiddleName(SyntheticPerson person)
    {
        var table = _tables.GivenNames(person.Sex, person.DateOfBirth.Year, _random);
        var middle = table.Next(_random);
        while (string.Equals(middle, person.GivenName, StringComparison.Ordinal))
        {
            middle = table.Next(_random);
        }

        return middle;
    }

    /// <summary>One OCR misreading in one of the fields that has something to misread; <see cref="RecordErrors.None"/> when none has.</summary>
    private RecordErrors MisreadOneField(ref string givenText, ref string familyText, string[] lines, ref string postcode)
    {
        // Fields 0-1 are the names, 2 to 1 + lines the address lines, the last the postcode.
        Span<int> candidates = stackalloc int[3 + lines.Length];
        var count = 0;
        for (var field = 0; field < candidates.Length; field++)
        {
            var text = field switch
            {
                0 => givenText,
                1 => familyText,
                _ when field == candidates.Length - 1 => postcode,
                _ => lines[field - 2],
            };
            if (OcrConfusion.CanApply(text, isPostcode: field == candidates.Length - 1))
            {
                candidates[count++] = field;
            }
        }

        if (count == 0)
        {
            return RecordErrors.None;
        }

        var chosen = candidates[_random.Next(count)];
        switch (chosen)
        {
            case 0:
                givenText = OcrConfusion.Apply(givenText, isPostcode: false, _random);
                break;
            case 1:
                familyText = OcrConfusion.Apply(familyText, isPostcode: false, _random);
                break;
            case var last when last == candidates.Length - 1:
                postcode = OcrConfusion.Apply(postcode, isPostcode: true, _random);
                break;
            default:
                lines[chosen - 2] = OcrConfusion.Apply(lines[chosen - 2], isPostcode: false, _random);
                break;
        }

        return RecordErrors.OcrNoise;
    }

    private string SexText(Sex sex) => (_dialect, sex) switch
    {
        (SupplierDialect.Pas, Sex.Male) => "M",
        (SupplierDialect.Pas, Sex.Female) => "F",
        (SupplierDialect.Pas, _) => "U",
        (_, Sex.Male) => "male",
        (_, Sex.Female) => "female",
        _ => "unknown",
    };

    /// <summary>A nickname or variant of the name from <see cref="NicknameTable.Default"/>, in title case.</summary>
    private bool TryNickname(string name, out string nickname)
    {
        nickname = string.Empty;
        if (!_nicknames.TryGetId(name.ToUpperInvariant(), out var id))
        {
            return false;
        }

        var equivalents = _nicknames.GetEquivalentIds(id);
        if (equivalents.IsEmpty)
        {
            return false;
        }

        nickname = TitleCase.Apply(_nicknames.GetName(equivalents[_random.Next(equivalents.Length)]));
        return true;
    }

    /// <summary>One edit at a letter: substitute, delete, insert or swap with the next letter; never the same text.</summary>
    private string Typo(string name)
    {
        for (var attempt = 0; attempt < 32; attempt++)
        {
            var position = _random.Next(name.Length);
            if (!char.IsLetter(name[position]))
            {
                continue;
            }

            var letter = (char)('a' + _random.Next(26));
            if (char.IsUpper(name[position]))
            {
                letter = char.ToUpperInvariant(letter);
            }

            string result;
            switch (_random.Next(4))
            {
                case 0:
                    result = string.Concat(name.AsSpan(0, position), [letter], name.AsSpan(position + 1));
                    break;
                case 1 when name.Length > 2:
                    result = name.Remove(position, 1);
                    break;
                case 2 when position > 0:
                    result = name.Insert(position, char.ToLowerInvariant(letter).ToString());
                    break;
                case 3 when position > 0 && position + 1 < name.Length && char.IsLetter(name[position + 1]):
                    result = string.Concat(name.AsSpan(0, position), [name[position + 1], name[position]], name.AsSpan(position + 2));
                    break;
                default:
                    continue;
            }

            if (!string.Equals(result, name, StringComparison.Ordinal))
            {
                return result;
            }
        }

        return name + (char)('a' + _random.Next(26));
    }

    /// <summary>All capitals, all lower case, a trailing or leading space, or a doubled inner space; always a change.</summary>
    private string CaseOrSpacing(string text)
    {
        var upper = text.ToUpperInvariant();
        var lower = text.ToLowerInvariant();
        return _random.Next(4) switch
        {
            0 when !string.Equals(upper, text, StringComparison.Ordinal) => upper,
            1 when !string.Equals(lower, text, StringComparison.Ordinal) => lower,
            2 => " " + text,
            _ => text.Contains(' ', StringComparison.Ordinal) ? text.Replace(" ", "  ", StringComparison.Ordinal) : text + " ",
        };
    }

    /// <summary>The postcode without its space, lower case, or with a doubled space.</summary>
    private string PostcodeSpacing(string postcode) => _random.Next(3) switch
    {
        0 => postcode.Replace(" ", string.Empty, StringComparison.Ordinal),
        1 => postcode.ToLowerInvariant(),
        _ => postcode.Replace(" ", "  ", StringComparison.Ordinal),
    };

    /// <summary>Changes one of the eight digits of ddMMyyyy so that the result is still a date from 1900 to 2025.</summary>
    private bool TryChangeOneDigit(DateOnly date, out DateOnly changed)
    {
        Span<int> digits = stackalloc int[8];
        for (var attempt = 0; attempt < 16; attempt++)
        {
            digits[0] = date.Day / 10;
            digits[1] = date.Day % 10;
            digits[2] = date.Month / 10;
            digits[3] = date.Month % 10;
            digits[4] = date.Year / 1000;
            digits[5] = date.Year / 100 % 10;
            digits[6] = date.Year / 10 % 10;
            digits[7] = date.Year % 10;
            var position = _random.Next(8);
            var digit = _random.Next(9);
            digits[position] = digit >= digits[position] ? digit + 1 : digit;
            var day = (digits[0] * 10) + digits[1];
            var month = (digits[2] * 10) + digits[3];
            var year = (digits[4] * 1000) + (digits[5] * 100) + (digits[6] * 10) + digits[7];
            if (year is >= 1900 and <= 2025 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                changed = new DateOnly(year, month, day);
                if (changed <= LatestDate)
                {
                    return true;
                }
            }
        }

        changed = date;
        return false;
    }
}
