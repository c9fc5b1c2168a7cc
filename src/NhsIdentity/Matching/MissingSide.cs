namespace NhsIdentity.Matching;

/// <summary>Which side of a pair had no usable value for a comparison (missing, invalid or a placeholder).</summary>
public enum MissingSide
{
    /// <summary>Both values were present; the comparison has a level.</summary>
    None = 0,

    /// <summary>The left record had no value.</summary>
    Left = 1,

    /// <summary>The right record had no value.</summary>
    Right = 2,

    /// <summary>Neither record had a value.</summary>
    Both = 3,
}
