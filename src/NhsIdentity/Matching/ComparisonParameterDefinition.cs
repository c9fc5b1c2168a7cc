using System.Globalization;

namespace NhsIdentity.Matching;

/// <summary>A numeric setting of a comparison (a similarity threshold, a date window), as its definition declares it.</summary>
/// <remarks>Immutable. A model records the value it uses (<see cref="ComparisonModel.Parameters"/>), so a saved model
/// says what its levels meant.</remarks>
public sealed class ComparisonParameterDefinition
{
    internal ComparisonParameterDefinition(string name, string description, double defaultValue, double minimum, double maximum)
    {
        Name = name;
        Description = description;
        DefaultValue = defaultValue;
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>Gets the parameter's name, e.g. <c>jaroWinklerHigh</c> (its key in model JSON).</summary>
    public string Name { get; }

    /// <summary>Gets what the parameter controls and where its default comes from.</summary>
    public string Description { get; }

    /// <summary>Gets the value used when a model does not set one.</summary>
    public double DefaultValue { get; }

    /// <summary>Gets the smallest value allowed.</summary>
    public double Minimum { get; }

    /// <summary>Gets the largest value allowed.</summary>
    public double Maximum { get; }

    /// <summary>Whether a value is finite and within <see cref="Minimum"/> and <see cref="Maximum"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when the value may be used.</returns>
    public bool IsValid(double value) => value >= Minimum && value <= Maximum;

    /// <summary>Returns the name and the allowed range.</summary>
    /// <returns>For example <c>jaroWinklerHigh (0 to 1, default 0.92)</c>.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name} ({Minimum:G} to {Maximum:G}, default {DefaultValue:G})");
}
