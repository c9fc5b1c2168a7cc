namespace NhsIdentity;

/// <summary>Which kind of invalid ten-digit number <see cref="NhsNumberGenerator.NextInvalidValue"/> makes.</summary>
public enum InvalidNhsNumberKind
{
    /// <summary>A base whose check value is 10, followed by any digit: no tenth digit could make it valid.</summary>
    CheckValueTen = 0,

    /// <summary>A base with a valid check digit, followed by one of the nine other digits.</summary>
    WrongCheckDigit = 1,
}
