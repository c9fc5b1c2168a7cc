namespace NhsIdentity.Cli.Reporting;

/// <summary>Maps a data interval onto a pixel interval, and picks round tick values for its axis.</summary>
/// <param name="DomainMin">The smallest data value.</param>
/// <param name="DomainMax">The largest data value (greater than <paramref name="DomainMin"/>).</param>
/// <param name="RangeStart">The pixel of <paramref name="DomainMin"/>.</param>
/// <param name="RangeEnd">The pixel of <paramref name="DomainMax"/> (may be less than the start, for a y axis).</param>
internal readonly record struct LinearScale(double DomainMin, double DomainMax, double RangeStart, double RangeEnd)
{
    /// <summary>The pixel of a data value (values outside the domain extrapolate).</summary>
    public double this[double value] => RangeStart + ((value - DomainMin) / (DomainMax - DomainMin) * (RangeEnd - RangeStart));

    /// <summary>A scale whose domain is widened to round numbers around [min, max] (never empty).</summary>
    public static LinearScale Nice(double min, double max, double rangeStart, double rangeEnd, int ticks = 6)
    {
        if (!(max > min))
        {
            min -= 1;
            max += 1;
        }

        var step = NiceStep((max - min) / ticks);
        return new LinearScale(Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, rangeStart, rangeEnd);
    }

    /// <summary>Round tick values across the domain, about <paramref name="ticks"/> of them.</summary>
    public IReadOnlyList<double> Ticks(int ticks = 6)
    {
        var step = NiceStep((DomainMax - DomainMin) / ticks);
        var values = new List<double>();
        var first = Math.Ceiling((DomainMin / step) - 1e-9);
        for (var k = first; (k * step) <= DomainMax + (step * 1e-9); k++)
        {
            var value = k * step;
            values.Add(Math.Abs(value) < step * 1e-9 ? 0 : value);
        }

        return values;
    }

    /// <summary>1, 2, 2.5 or 5 times a power of ten, at least <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        if (!(rough > 0) || !double.IsFinite(rough))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (var multiple in (ReadOnlySpan<double>)[1, 2, 2.5, 5, 10])
        {
            if (multiple * power >= rough * (1 - 1e-9))
            {
                return multiple * power;
            }
        }

        return 10 * power;
    }
}
