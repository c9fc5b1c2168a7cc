namespace NhsIdentity.Demographics;

/// <summary>
/// A person's sex as recorded by a health system. Numeric values follow the NHS Data Dictionary
/// "Person Phenotypic Sex" codes (1 male, 2 female, 9 indeterminate), with 0 for not known.
/// </summary>
public enum Sex
{
    /// <summary>Not known or not recorded (Data Dictionary code 0). The default value.</summary>
    Unknown = 0,

    /// <summary>Male (Data Dictionary code 1).</summary>
    Male = 1,

    /// <summary>Female (Data Dictionary code 2).</summary>
    Female = 2,

    /// <summary>Indeterminate: unable to be classified as male or female (Data Dictionary code 9).</summary>
    Indeterminate = 9,
}
