using System.Globalization;
using NhsIdentity.Matching;

namespace NhsIdentity.Tests.Matching.Budget;

/// <summary>
/// Invented records that all share one family name and one date of birth (the shape of the break: a placeholder or a
/// common name pooled under one date), with given names from a few made-up syllables so that they fall into blocks of
/// a chosen size. No NHS numbers, so nothing but the blocking rules decides which pairs are compared.
/// </summary>
internal static class BudgetPeople
{
    public const string FamilyName = "Quennerby";
    public const string DateOfBirth = "1961-04-17";

    private const string Consonants = "BDFGHJKLMNPRSTV";
    private const string Vowels = "aeiou";

    /// <summary>A made-up given name for a number: a consonant, then vowel-consonant syllables, never a real value.</summary>
    public static string GivenName(int n)
    {
        var name = new System.Text.StringBuilder();
        name.Append(Consonants[n % Consonants.Length]);
        n /= Consonants.Length;
        do
        {
            name.Append(Vowels[n % Vowels.Length]).Append(char.ToLowerInvariant(Consonants[(n / Vowels.Length) % Consonants.Length]));
            n /= Vowels.Length * Consonants.Length;
        }
        while (n > 0);

        return name.ToString();
    }

    /// <summary><paramref name="count"/> records with <paramref name="givenNames"/> distinct given names in turn.</summary>
    public static RecordSet Records(int count, int givenNames) => new(Enumerable.Range(0, count).Select(i => new PatientRecord
    {
        Id = "B" + i.ToString(CultureInfo.InvariantCulture),
        GivenNames = GivenName(i % givenNames),
        FamilyName = FamilyName,
        DateOfBirth = DateOfBirth,
    }));
}
