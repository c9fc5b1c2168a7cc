using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Demographics;
using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Profiling;

/// <summary>
/// Builds an <see cref="ExtractProfile"/> from what the reader read and the <see cref="RecordSet"/> preparation made of
/// it: the completeness counts are the set's own (<see cref="RecordSet.GetCounts"/>), and the reasons come from the
/// same parsers preparation uses, asked only about the values it set aside (<see cref="RecordSet.IsPresent"/>), so the
/// reasons add up to the invalid counts.
/// </summary>
internal static class ExtractProfiler
{
    /// <summary>How many of the commonest values <c>--show-values</c> lists per field.</summary>
    public const int TopCount = 10;

    /// <summary>The fields whose raw text can be read back from a <see cref="PatientRecord"/>, for <c>--show-values</c>.</summary>
    private static readonly (ComparisonKind Kind, Func<PatientRecord, string?> Text)[] RawFields =
    [
        (ComparisonKind.NhsNumber, r => r.NhsNumber),
        (ComparisonKind.GivenName, r => r.GivenNames),
        (ComparisonKind.FamilyName, r => r.FamilyName),
        (ComparisonKind.DateOfBirth, r => r.DateOfBirth),
        (ComparisonKind.Sex, r => r.Sex),
        (ComparisonKind.Postcode, r => r.Postcode),
        (ComparisonKind.Address, r => r.Address),
        (ComparisonKind.LocalIdentifier, r => r.LocalIdentifier),
        (ComparisonKind.Email, r => r.Email),
        (ComparisonKind.Phone, r => r.Phone),
        (ComparisonKind.GpPractice, r => r.GpPracticeCode),
    ];

    /// <summary>Profiles one input.</summary>
    /// <param name="label">The input's label (<c>file1</c>).</param>
    /// <param name="path">The input's path (only its file name is kept).</param>
    /// <param name="format">The format it was read in.</param>
    /// <param name="read">What the reader returned.</param>
    /// <param name="mapping">The CSV column mapping, or <see langword="null"/> for formats without columns.</param>
    /// <param name="set">The kept records, prepared.</param>
    /// <param name="showValues">Whether to list the commonest values.</param>
    public static ExtractProfile Build(string label, string path, InputFormat format, PatientReadResult read, ColumnMapping? mapping, RecordSet set,
        bool showValues) =>
        new(label, Path.GetFileName(path), format.Name, Mapping(mapping, read), Rows(read), Fields(set), Invalid(read.Records, set),
            showValues ? Values(read.Records, set) : null);

    private static MappingProfile Mapping(ColumnMapping? mapping, PatientReadResult read)
    {
        if (mapping is null)
        {
            return new MappingProfile([], IdFromRowNumber: false, [], [], 0, read.Description);
        }

        var fields = new List<(string, IReadOnlyList<string>)>();
        var notInFile = new List<string>();
        foreach (var field in PatientFieldNames.All)
        {
            var columns = mapping.ColumnNamesOf(field);
            if (columns.Count > 0)
            {
                fields.Add((field.ToName(), columns));
            }
            else if (field != PatientField.Id)
            {
                notInFile.Add(field.ToName());
            }
        }

        var hidden = mapping.HidesIgnoredNames;
        var ignored = new List<(string, string)>();
        if (!hidden)
        {
            foreach (var column in mapping.Ignored)
            {
                ignored.Add((column.Name, column.Reason));
            }
        }

        return new MappingProfile(fields, !mapping.HasIdColumn, notInFile, ignored, hidden ? mapping.Ignored.Count : 0, read.Description);
    }

    private static RowsProfile Rows(PatientReadResult read)
    {
        var byReason = new SortedDictionary<RejectionReason, long>();
        foreach (var rejection in read.Rejections)
        {
            byReason[rejection.Reason] = byReason.GetValueOrDefault(rejection.Reason) + 1;
        }

        var reasons = new List<(string, long)>();
        foreach (var (reason, count) in byReason)
        {
            reasons.Add((reason.ToText(), count));
        }

        return new RowsProfile(read.ItemName, read.ItemsRead, read.Accepted, read.Rejected, reasons);
    }

    private static List<FieldProfile> Fields(RecordSet set)
    {
        var fields = new List<FieldProfile>();
        foreach (var definition in ComparisonDefinition.All)
        {
            var counts = set.GetCounts(definition.Kind);
            fields.Add(new FieldProfile(definition.ColumnName, counts.Present, counts.Missing, counts.Invalid, counts.Placeholder));
        }

        return fields;
    }

    private static InvalidProfile Invalid(IReadOnlyList<PatientRecord> records, RecordSet set)
    {
        var nhsNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var dates = new Dictionary<string, int>(StringComparer.Ordinal);
        var postcodes = new Dictionary<string, int>(StringComparer.Ordinal);
        var layouts = new Dictionary<string, (int Count, int Read)>(StringComparer.Ordinal);
        var nonUk = 0;
        var order = set.Options.DateOrder;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (!string.IsNullOrWhiteSpace(record.NhsNumber) && !set.IsPresent(i, ComparisonKind.NhsNumber))
            {
                // A number that validates but was set aside is a placeholder (a repdigit), counted there, not here.
                var status = NhsNumber.Validate(record.NhsNumber);
                if (status != NhsNumberStatus.Valid)
                {
                    Increment(nhsNumbers, status.ToString());
                }
            }

            if (!string.IsNullOrWhiteSpace(record.DateOfBirth))
            {
                var text = record.DateOfBirth.Trim();
                var present = set.IsPresent(i, ComparisonKind.DateOfBirth);
                var layout = DateLayout.Of(text, order);
                var (count, read) = layouts.GetValueOrDefault(layout);
                layouts[layout] = (count + 1, read + (present ? 1 : 0));
                if (!present)
                {
                    DateOfBirth.TryParse(text.AsSpan(), order, out _, out var status);
                    Increment(dates, status == DateOfBirthStatus.Valid ? "Other" : status.ToString());
                }
            }

            if (!string.IsNullOrWhiteSpace(record.Postcode))
            {
                var status = Postcode.Validate(record.Postcode);
                if (set.IsPresent(i, ComparisonKind.Postcode))
                {
                    nonUk += status == PostcodeStatus.Valid ? 0 : 1;
                }
                else if (status != PostcodeStatus.Valid)
                {
                    Increment(postcodes, status.ToString()); // a valid one set aside is a ZZ99 pseudo-postcode: a placeholder
                }
            }
        }

        var layoutList = new List<(string, int, int)>();
        foreach (var (layout, (count, read)) in layouts)
        {
            layoutList.Add((layout, count, read));
        }

        layoutList.Sort((a, b) => a.Item2 != b.Item2 ? b.Item2.CompareTo(a.Item2) : string.CompareOrdinal(a.Item1, b.Item1));
        return new InvalidProfile(Sorted(nhsNumbers), Sorted(dates), layoutList, Sorted(postcodes), nonUk);
    }

    private static List<ValuesProfile> Values(IReadOnlyList<PatientRecord> records, RecordSet set)
    {
        var profiles = new List<ValuesProfile>();
        foreach (var (kind, textOf) in RawFields)
        {
            var top = new Dictionary<string, int>(StringComparer.Ordinal);
            var setAside = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < records.Count; i++)
            {
                var text = textOf(records[i]);
                if (!string.IsNullOrWhiteSpace(text))
                {
                    Increment(set.IsPresent(i, kind) ? top : setAside, text.Trim());
                }
            }

            if (top.Count + setAside.Count > 0)
            {
                profiles.Add(new ValuesProfile(ComparisonDefinition.Get(kind).ColumnName, Take(Sorted(top), TopCount), Take(Sorted(setAside), TopCount)));
            }
        }

        return profiles;
    }

    private static void Increment(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    /// <summary>Most frequent first; ties in ordinal order, so the output is the same for the same input.</summary>
    private static List<(string, int)> Sorted(Dictionary<string, int> counts)
    {
        var list = new List<(string Key, int Count)>(counts.Count);
        foreach (var (key, count) in counts)
        {
            list.Add((key, count));
        }

        list.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Key, b.Key));
        return list;
    }

    private static List<(string, int)> Take(List<(string, int)> list, int count) => list.Count <= count ? list : list.GetRange(0, count);
}
