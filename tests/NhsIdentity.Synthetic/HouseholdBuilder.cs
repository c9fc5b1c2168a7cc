using System.Globalization;
using NhsIdentity.Demographics;
using NhsIdentity.Text.Similarity;

namespace NhsIdentity.Synthetic;

/// <summary>Builds one household at a time for <see cref="SyntheticPopulation"/>; all draws come from one <see cref="Random"/>.</summary>
internal sealed class HouseholdBuilder
{
    // Hospital numbers are an affine permutation of the person id modulo 10^7, so they are unique without a set;
    // the multiplier is coprime with 10^7 (odd, not a multiple of 5).
    internal const long HospitalNumberModulus = 10_000_000;
    internal const long HospitalNumberMultiplier = 7_368_787;

    private static readonly DateOnly EarliestBirth = new(1920, 1, 1);
    private static readonly DateOnly LatestBirth = new(2025, 12, 31);
    private static readonly DateOnly LatestAdultBirth = new(2007, 12, 31);

    // Invented street names from common English words; any resemblance to a real street is the point.
    private static readonly string[] StreetStems =
    [
        "Church", "Station", "Victoria", "Park", "Mill", "High", "School", "Manor", "Queens", "Kings", "Albert",
        "Chapel", "Green", "Grange", "Orchard", "Meadow", "Windsor", "York", "Springfield", "Highfield", "Beech",
        "Oak", "Elm", "Willow", "Cedar", "Ash", "Rose", "George", "North", "South", "West", "Hill", "Bridge",
        "Market", "New", "Castle", "Forest", "Riverside", "Valley", "Westfield",
    ];

    private static readonly string[] StreetSuffixes =
    [
        "Road", "Street", "Lane", "Avenue", "Close", "Drive", "Way", "Crescent", "Gardens", "Place", "Terrace", "Court",
    ];

    private readonly Random _random;
    private readonly SyntheticTables _tables = SyntheticTables.Default;
    private readonly NhsNumberGenerator _testNumbers;
    private readonly NhsNumberGenerator _syntheticNumbers;
    private readonly HashSet<long> _usedNhsNumbers;
    private readonly long _hospitalNumberOffset;
    private readonly int _testRangeCapacity;
    private readonly List<string> _householdNames = new(6);
    private readonly HouseholdMix _mix;

    // Cumulative shares of the household kinds (the last kind, two adult siblings, takes the rest).
    private readonly double _aloneBelow;
    private readonly double _coupleBelow;
    private readonly double _familyBelow;
    private readonly double _loneParentBelow;

    // Recent adults, for namesakes elsewhere: bounded so that a population of millions still streams.
    private readonly SyntheticPerson[] _recentAdults;
    private int _recentAdultCount;
    private int _nextHouseholdId;

    public HouseholdBuilder(Random random, int count, int testRangeCapacity, HouseholdMix mix)
    {
        _mix = mix;
        _aloneBelow = mix.LivesAlone;
        _coupleBelow = _aloneBelow + mix.Couple;
        _familyBelow = _coupleBelow + mix.CoupleWithChildren;
        _loneParentBelow = _familyBelow + mix.LoneParent;
        _recentAdults = mix.NamesakeElsewhere > 0 ? new SyntheticPerson[4096] : [];
        _testRangeCapacity = testRangeCapacity;
        _random = random;
        _testNumbers = new NhsNumberGenerator(random);
        _syntheticNumbers = new NhsNumberGenerator(random, NhsNumberRegion.Synthetic);
        _usedNhsNumbers = new HashSet<long>(Math.Min(count, 1 << 20));
        _hospitalNumberOffset = random.NextInt64(HospitalNumberModulus);
    }

    public int NextPersonId { get; private set; }

    /// <summary>Adds one household of at most <paramref name="room"/> persons (at least one).</summary>
    public void AddHousehold(List<SyntheticPerson> household, int room)
    {
        var householdId = _nextHouseholdId++;
        var address = NextAddress();
        _householdNames.Clear();
        var roll = _random.NextDouble();
        if (room < 2 || roll < _aloneBelow)
        {
            household.Add(Chance(_mix.NamesakeElsewhere) && _recentAdultCount > 0
                ? NamesakeOfAnEarlierAdult(householdId, address)
                : NewAdult(householdId, Relationship.LivesAlone, -1, NextSex(), NextSurname(), RandomDate(EarliestBirth, LatestAdultBirth), address));
        }
        else if (roll < _coupleBelow || (roll < _familyBelow && room < 3))
        {
            AddCouple(household, householdId, address, RandomDate(EarliestBirth, LatestAdultBirth));
        }
        else if (roll < _familyBelow)
        {
            var head = AddCouple(household, householdId, address, RandomDate(new DateOnly(1945, 1, 1), new DateOnly(1990, 12, 31)));
            AddChildren(household, head, room - 2, allowNamesake: true);
        }
        else if (roll < _loneParentBelow)
        {
            var head = NewAdult(householdId, Relationship.HouseholdHead, -1, NextSex(), NextSurname(), RandomDate(new DateOnly(1945, 1, 1), new DateOnly(1995, 12, 31)), address);
            household.Add(head);
            AddChildren(household, head, room - 1, allowNamesake: false);
        }
        else
        {
            var head = NewAdult(householdId, Relationship.HouseholdHead, -1, NextSex(), NextSurname(), RandomDate(EarliestBirth, new DateOnly(2000, 12, 31)), address);
            household.Add(head);
            var gapDays = _random.Next(365, 3653) * (_random.Next(2) == 0 ? -1 : 1);
            var dateOfBirth = OffsetWithin(head.DateOfBirth, gapDays, EarliestBirth, LatestAdultBirth);
            household.Add(NewAdult(householdId, Relationship.Sibling, head.PersonId, NextSex(), head.FamilyName, dateOfBirth, address));
        }
    }

    private SyntheticPerson AddCouple(List<SyntheticPerson> household, int householdId, SyntheticAddress address, DateOnly headDateOfBirth)
    {
        var headSex = NextSex();
        var head = NewAdult(householdId, Relationship.HouseholdHead, -1, headSex, NextSurname(), headDateOfBirth, address);
        household.Add(head);
        var spouseSex = _random.NextDouble() < 0.92 ? Opposite(headSex) : headSex;
        var spouseFamilyName = _random.NextDouble() < 0.75 ? head.FamilyName : NextSurname();
        var spouseBirth = OffsetWithin(headDateOfBirth, _random.Next(-8 * 365, (8 * 365) + 1), EarliestBirth, LatestAdultBirth);
        household.Add(NewAdult(householdId, Relationship.Spouse, head.PersonId, spouseSex, spouseFamilyName, spouseBirth, address));
        return head;
    }

    private void AddChildren(List<SyntheticPerson> household, SyntheticPerson head, int room, bool allowNamesake)
    {
        var childCount = Math.Min(1 + _random.Next(3), room);
        var spouse = household.Count > 1 ? household[1] : null;
        var childFamilyName = head.FamilyName;
        if (spouse is not null && !string.Equals(spouse.FamilyName, head.FamilyName, StringComparison.Ordinal) && _random.NextDouble() < 0.15)
        {
            childFamilyName = head.FamilyName + "-" + spouse.FamilyName;
        }

        var firstChild = 0;
        if (allowNamesake && _random.NextDouble() < _mix.Junior && head.DateOfBirth.Year <= 1990)
        {
            // "Senior" and "junior": the same full name, born 25 to 35 years apart, at the same address.
            var dateOfBirth = head.DateOfBirth.AddYears(25 + _random.Next(10)).AddDays(_random.Next(365));
            dateOfBirth = Clamp(dateOfBirth, EarliestBirth, LatestBirth);
            household.Add(NewPerson(head.HouseholdId, Relationship.Namesake, head.PersonId, head.Sex, head.GivenName, head.MiddleNames, head.FamilyName, dateOfBirth, head.Address));
            firstChild = 1;
        }

        var earliest = head.DateOfBirth.AddYears(20);
        var latest = Min(head.DateOfBirth.AddYears(42), LatestBirth);
        var twins = childCount - firstChild >= 2 && _random.NextDouble() < _mix.Twins;
        for (var i = firstChild; i < childCount; i++)
        {
            if (twins && i == childCount - 1)
            {
                AddTwin(household, household[^1]);
                continue;
            }

            var sex = NextSex();
            var dateOfBirth = RandomDate(earliest, latest);
            var parent = sex == head.Sex ? head : spouse is not null && spouse.Sex == sex ? spouse : null;
            var given = parent is not null && Chance(_mix.SameInitialChild)
                ? SameInitialGivenName(parent.GivenName, sex, dateOfBirth.Year) ?? NextGivenName(sex, dateOfBirth.Year)
                : NextGivenName(sex, dateOfBirth.Year);
            household.Add(NewPerson(head.HouseholdId, Relationship.Child, head.PersonId, sex, given, NextMiddleNames(sex, dateOfBirth.Year, given), childFamilyName, dateOfBirth, head.Address));
        }
    }

    /// <summary>Adds a twin of <paramref name="sibling"/> and re-labels the sibling a twin pointing back at them.</summary>
    private void AddTwin(List<SyntheticPerson> household, SyntheticPerson sibling)
    {
        // Two thirds of twin pairs share a sex; some get similar names (Jack and Jake, John and Joan) or one initial.
        var sex = _random.Next(3) < 2 ? sibling.Sex : Opposite(sibling.Sex);
        var year = sibling.DateOfBirth.Year;
        string? given = null;
        if (sex == sibling.Sex ? _random.NextDouble() < _mix.SimilarTwinNames : Chance(_mix.SimilarOppositeSexTwinNames))
        {
            given = SimilarGivenName(sibling.GivenName, sex);
        }

        if (given is null && Chance(_mix.SameInitialTwinNames))
        {
            given = SameInitialGivenName(sibling.GivenName, sex, year);
        }

        given ??= NextGivenName(sex, year);
        var twinId = NextPersonId;
        household[^1] = new SyntheticPerson
        {
            PersonId = sibling.PersonId,
            HouseholdId = sibling.HouseholdId,
            Relationship = Relationship.Twin,
            RelatedPersonId = twinId,
            NhsNumber = sibling.NhsNumber,
            GivenName = sibling.GivenName,
            MiddleNames = sibling.MiddleNames,
            FamilyName = sibling.FamilyName,
            DateOfBirth = sibling.DateOfBirth,
            Sex = sibling.Sex,
            Address = sibling.Address,
            HospitalNumberDigits = sibling.HospitalNumberDigits,
            PhoneSuffix = sibling.PhoneSuffix,
            EmailVariant = sibling.EmailVariant,
        };
        household.Add(NewPerson(sibling.HouseholdId, Relationship.Twin, sibling.PersonId, sex, given, NextMiddleNames(sex, year, given), sibling.FamilyName, sibling.DateOfBirth, sibling.Address));
    }

    /// <summary>A name within two edits of <paramref name="name"/> with the same initial, from the 400 most given since 1996.</summary>
    private string? SimilarGivenName(string name, Sex sex)
    {
        var table = sex == Sex.Male ? _tables.ModernMale : _tables.ModernFemale;
        var items = table.Items;
        var start = _random.Next(items.Length);
        for (var k = 0; k < items.Length; k++)
        {
            var candidate = items[(start + k) % items.Length];
            if (candidate[0] == name[0] && !_householdNames.Contains(candidate)
                && !string.Equals(candidate, name, StringComparison.Ordinal)
                && Levenshtein.Distance(candidate, name, 2) <= 2)
            {
                _householdNames.Add(candidate);
                return candidate;
            }
        }

        return null;
    }

    /// <summary>A different name with the same initial as <paramref name="name"/>, by frequency, not yet used in the household; or null.</summary>
    private string? SameInitialGivenName(string name, Sex sex, int birthYear)
    {
        var table = _tables.GivenNames(sex, birthYear, _random);
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var candidate = table.Next(_random);
            if (candidate[0] == name[0] && !string.Equals(candidate, name, StringComparison.Ordinal) && !_householdNames.Contains(candidate))
            {
                _householdNames.Add(candidate);
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// One adult living alone with the given name, family name, sex and birth year of a recent adult of another
    /// household (a different person: another birthday, middle names and NHS number).
    /// </summary>
    private SyntheticPerson NamesakeOfAnEarlierAdult(int householdId, SyntheticAddress address)
    {
        var original = _recentAdults[_random.Next(Math.Min(_recentAdultCount, _recentAdults.Length))];
        var year = original.DateOfBirth.Year;
        var dateOfBirth = RandomDate(new DateOnly(year, 1, 1), Min(new DateOnly(year, 12, 31), LatestAdultBirth));
        _householdNames.Add(original.GivenName);
        return NewPerson(
            householdId, Relationship.NamesakeElsewhere, original.PersonId, original.Sex, original.GivenName,
            NextMiddleNames(original.Sex, year, original.GivenName), original.FamilyName, dateOfBirth, address);
    }

    private SyntheticPerson NewAdult(int householdId, Relationship relationship, int relatedId, Sex sex, string familyName, DateOnly dateOfBirth, SyntheticAddress address)
    {
        var given = NextGivenName(sex, dateOfBirth.Year);
        var adult = NewPerson(householdId, relationship, relatedId, sex, given, NextMiddleNames(sex, dateOfBirth.Year, given), familyName, dateOfBirth, address);
        if (_recentAdults.Length != 0)
        {
            _recentAdults[_recentAdultCount++ % _recentAdults.Length] = adult;
        }

        return adult;
    }

    private SyntheticPerson NewPerson(
        int householdId, Relationship relationship, int relatedId, Sex sex, string givenName, string middleNames, string familyName, DateOnly dateOfBirth, SyntheticAddress address)
    {
        var personId = NextPersonId++;
        return new SyntheticPerson
        {
            PersonId = personId,
            HouseholdId = householdId,
            Relationship = relationship,
            RelatedPersonId = relatedId,
            NhsNumber = NextNhsNumber(personId),
            GivenName = givenName,
            MiddleNames = middleNames,
            FamilyName = familyName,
            DateOfBirth = dateOfBirth,
            Sex = sex,
            Address = address,
            HospitalNumberDigits = HospitalDigits(personId, _hospitalNumberOffset),
            PhoneSuffix = _random.Next(1000),
            EmailVariant = _random.Next(2) == 0 ? _random.Next(3) : 3 + _random.Next(300),
        };
    }

    /// <summary>A permutation of the first <see cref="HospitalNumberModulus"/> indexes (unchanged for every population
    /// that fits in it); each further block of that many indexes is permuted alike and numbered above it.</summary>
    internal static int HospitalDigits(long index, long offset)
    {
        var (block, within) = Math.DivRem(index, HospitalNumberModulus);
        return (int)((block * HospitalNumberModulus) + (((within * HospitalNumberMultiplier) + offset) % HospitalNumberModulus));
    }

    private NhsNumber NextNhsNumber(int personId)
    {
        var generator = personId < _testRangeCapacity ? _testNumbers : _syntheticNumbers;
        while (true)
        {
            var number = generator.Next();
            if (_usedNhsNumbers.Add(number.Value))
            {
                return number;
            }
        }
    }

    /// <summary>A given name not yet used in the household (siblings and twins differ; namesakes are added directly).</summary>
    private string NextGivenName(Sex sex, int birthYear)
    {
        var table = _tables.GivenNames(sex, birthYear, _random);
        var name = table.Next(_random);
        for (var attempt = 0; attempt < 20 && _householdNames.Contains(name); attempt++)
        {
            name = table.Next(_random);
        }

        _householdNames.Add(name);
        return name;
    }

    /// <summary>About 40% have a middle name, a tenth of those two.</summary>
    private string NextMiddleNames(Sex sex, int birthYear, string givenName)
    {
        if (_random.NextDouble() >= 0.40)
        {
            return string.Empty;
        }

        var table = _tables.GivenNames(sex, birthYear, _random);
        var middle = table.Next(_random);
        while (string.Equals(middle, givenName, StringComparison.Ordinal))
        {
            middle = table.Next(_random);
        }

        if (_random.NextDouble() < 0.10)
        {
            var second = table.Next(_random);
            if (!string.Equals(second, middle, StringComparison.Ordinal) && !string.Equals(second, givenName, StringComparison.Ordinal))
            {
                return middle + " " + second;
            }
        }

        return middle;
    }

    /// <summary>A surname by frequency; about 3% double-barrelled.</summary>
    private string NextSurname()
    {
        var surname = _tables.Surnames.Next(_random);
        if (_random.NextDouble() < 0.03)
        {
            var second = _tables.Surnames.Next(_random);
            if (!string.Equals(second, surname, StringComparison.Ordinal))
            {
                return surname + "-" + second;
            }
        }

        return surname;
    }

    private SyntheticAddress NextAddress() => RandomAddress(_random, _tables);

    /// <summary>A random address: 12% flats, house numbers 1-220, an invented street, a real postcode and its area.</summary>
    internal static SyntheticAddress RandomAddress(Random random, SyntheticTables tables)
    {
        var postcodeIndex = random.Next(tables.Postcodes.Length);
        var flat = random.NextDouble() < 0.12 ? "Flat " + (1 + random.Next(24)).ToString(CultureInfo.InvariantCulture) : string.Empty;
        var street = (1 + random.Next(220)).ToString(CultureInfo.InvariantCulture) + " "
            + StreetStems[random.Next(StreetStems.Length)] + " " + StreetSuffixes[random.Next(StreetSuffixes.Length)];
        return new SyntheticAddress(flat, street, tables.Areas[postcodeIndex], tables.Postcodes[postcodeIndex]);
    }

    /// <summary>A draw that happens only for a rate above 0, so rates added later leave earlier populations unchanged.</summary>
    private bool Chance(double rate) => rate > 0 && _random.NextDouble() < rate;

    private Sex NextSex() => _random.Next(2) == 0 ? Sex.Male : Sex.Female;

    private static Sex Opposite(Sex sex) => sex == Sex.Male ? Sex.Female : Sex.Male;

    private DateOnly RandomDate(DateOnly first, DateOnly last) =>
        DateOnly.FromDayNumber(first.DayNumber + _random.Next(last.DayNumber - first.DayNumber + 1));

    /// <summary>
    /// <paramref name="date"/> moved by <paramref name="days"/>, or the other way when that leaves the range: clamping
    /// instead would pile people up on the range's first day (1 January 1920, which looks like a placeholder).
    /// </summary>
    private static DateOnly OffsetWithin(DateOnly date, int days, DateOnly first, DateOnly last)
    {
        var moved = date.AddDays(days);
        if (moved < first || moved > last)
        {
            moved = date.AddDays(-days);
        }

        return Clamp(moved, first, last);
    }

    private static DateOnly Clamp(DateOnly value, DateOnly first, DateOnly last) =>
        value < first ? first : value > last ? last : value;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
