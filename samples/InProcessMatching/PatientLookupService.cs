using System.Diagnostics;
using NhsIdentity.Matching;

namespace InProcessMatching;

/// <summary>
/// What an interface engine keeps in memory: the trust's patients in a <see cref="PatientIndex"/>, updated as
/// registration messages arrive and asked "who is this patient?" for every other message.
/// </summary>
internal sealed class PatientLookupService : IDisposable
{
    private readonly PatientIndex _index = new(MatchModel.Default);
    private readonly List<double> _lookupMicroseconds = [];

    public int Count => _index.Count;

    /// <summary>A registration or demographic update (ADT A04/A08): add the record or replace the one with its id.</summary>
    public void Register(PatientRecord record) => _index.AddOrUpdate(record);

    /// <summary>Refreshes the name and postcode frequencies after a bulk load (they weaken matches on common values).</summary>
    public void FinishBulkLoad() => _index.RefreshTermFrequencies();

    /// <summary>Finds the best candidate for an incoming message's patient, and times the call.</summary>
    public IndexMatch? Identify(PatientRecord incoming)
    {
        var started = Stopwatch.GetTimestamp();
        var matches = _index.FindMatches(incoming, maxResults: 1);
        _lookupMicroseconds.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        return matches.Count > 0 ? matches[0] : null;
    }

    /// <summary>The lookup times measured so far: median and 99th percentile, in microseconds.</summary>
    public (double Median, double P99) LookupTimes()
    {
        var sorted = _lookupMicroseconds.Order().ToArray();
        return sorted.Length == 0 ? (0, 0) : (sorted[sorted.Length / 2], sorted[(int)(sorted.Length * 0.99)]);
    }

    public void Dispose() => _index.Dispose();
}
