namespace NhsIdentity.Synthetic;

/// <summary>
/// How a synthetic person relates to the others in their household. The relationships that share a surname and an
/// address (<see cref="Twin"/>, <see cref="Namesake"/>, <see cref="Sibling"/>, <see cref="Spouse"/>) are the hard
/// negatives a matcher must keep apart.
/// </summary>
public enum Relationship
{
    /// <summary>Lives alone.</summary>
    LivesAlone = 0,

    /// <summary>The first adult of a household of two or more; the others point at this person.</summary>
    HouseholdHead = 1,

    /// <summary>Partner of the head (<see cref="SyntheticPerson.RelatedPersonId"/>); usually shares the surname.</summary>
    Spouse = 2,

    /// <summary>Adult sibling of the head sharing the home: same surname and address, a different birthday.</summary>
    Sibling = 3,

    /// <summary>Child of the head (<see cref="SyntheticPerson.RelatedPersonId"/> is the head).</summary>
    Child = 4,

    /// <summary>
    /// Child born on the same day as another child of the household (<see cref="SyntheticPerson.RelatedPersonId"/>
    /// is the other twin): same surname, date of birth and address, a different given name (sometimes a similar one).
    /// </summary>
    Twin = 5,

    /// <summary>
    /// Child given exactly the full name of a parent (<see cref="SyntheticPerson.RelatedPersonId"/>), "senior" and
    /// "junior": same given and middle names, surname and address, born 25 to 35 years later.
    /// </summary>
    Namesake = 6,

    /// <summary>
    /// Lives alone at another address but has the given name, family name, sex and birth year of an earlier adult
    /// (<see cref="SyntheticPerson.RelatedPersonId"/>): two different people a matcher without NHS numbers can confuse.
    /// Made only when <see cref="HouseholdMix.NamesakeElsewhere"/> is above 0.
    /// </summary>
    NamesakeElsewhere = 7,
}
