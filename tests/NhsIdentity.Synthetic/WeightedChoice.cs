namespace NhsIdentity.Synthetic;

/// <summary>Draws items with probability proportional to their weights (one binary search per draw).</summary>
internal sealed class WeightedChoice
{
    private readonly double[] _cumulative;

    public WeightedChoice(IReadOnlyList<string> items, IReadOnlyList<double> weights)
    {
        if (items.Count == 0 || items.Count != weights.Count)
        {
            throw new ArgumentException("Items and weights must be non-empty and of equal length.", nameof(weights));
        }

        Items = [.. items];
        _cumulative = new double[weights.Count];
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            total += weights[i];
            _cumulative[i] = total;
        }
    }

    public string[] Items { get; }

    public string Next(Random random)
    {
        var target = random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        if (index < 0)
        {
            index = ~index;
        }

        return Items[Math.Min(index, Items.Length - 1)];
    }
}
