namespace NhsIdentity.Cli.Profiling;

/// <summary>What <c>nhsid profile</c> found in one input file: counts, column names and shapes only, plus the commonest
/// values when (and only when) <c>--show-values</c> asked for them.</summary>
/// <param name="Label">The file's place on the command line: <c>file1</c>, <c>file2</c>, ...</param>
/// <param name="FileName">The file name, without its folder.</param>
/// <param name="Format">The <c>--format</c> it was read as.</param>
/// <param name="Mapping">Which column feeds which field.</param>
/// <param name="Rows">Items read, rejected by reason, and kept.</param>
/// <param name="Fields">Per field: present, missing, invalid and placeholder counts over the kept records.</param>
/// <param name="Invalid">Why values were set aside, and the date layouts seen.</param>
/// <param name="Values">The commonest values per field, or <see langword="null"/> without <c>--show-values</c>.</param>
internal sealed record ExtractProfile(string Label, string FileName, string Format, MappingProfile Mapping, RowsProfile Rows,
    IReadOnlyList<FieldProfile> Fields, InvalidProfile Invalid, IReadOnlyList<ValuesProfile>? Values);

/// <summary>How the columns were mapped (column names only; a CSV's first row is never printed when it may be data).</summary>
/// <param name="Fields">Each field fed by a column, in field order, with its columns (empty for non-CSV formats).</param>
/// <param name="IdFromRowNumber">Whether record ids are the row numbers (no id column).</param>
/// <param name="NotInFile">The fields no column feeds.</param>
/// <param name="Ignored">The columns that feed no field, with the reason.</param>
/// <param name="IgnoredHidden">How many ignored columns were not named because a name looked like a value (then
/// <paramref name="Ignored"/> is empty).</param>
/// <param name="Description">The reader's own description lines (the same as <c>link</c> prints).</param>
internal sealed record MappingProfile(IReadOnlyList<(string Field, IReadOnlyList<string> Columns)> Fields, bool IdFromRowNumber,
    IReadOnlyList<string> NotInFile, IReadOnlyList<(string Column, string Reason)> Ignored, int IgnoredHidden, IReadOnlyList<string> Description);

/// <summary>Rows (or messages) read, rejected and kept: <c>Read = Kept + Rejected</c>.</summary>
/// <param name="ItemName">What an item is called: <c>rows</c>, <c>messages</c>, <c>resources</c>.</param>
/// <param name="Read">Items read.</param>
/// <param name="Kept">Items kept as records.</param>
/// <param name="Rejected">Items rejected.</param>
/// <param name="RejectedByReason">Rejections per reason, in words (<c>too many fields</c>), in reason order.</param>
internal sealed record RowsProfile(string ItemName, long Read, long Kept, long Rejected, IReadOnlyList<(string Reason, long Count)> RejectedByReason);

/// <summary>What preparation made of one field over the kept records (<see cref="NhsIdentity.Matching.FieldCounts"/>).</summary>
/// <param name="Field">The comparison's column name (<c>nhs_number</c>).</param>
/// <param name="Present">Values read and compared.</param>
/// <param name="Missing">Empty values, or no column.</param>
/// <param name="Invalid">Values that could not be read.</param>
/// <param name="Placeholder">Values that stand for "not known".</param>
internal sealed record FieldProfile(string Field, int Present, int Missing, int Invalid, int Placeholder)
{
    /// <summary>Gets the records counted.</summary>
    public int Total => Present + Missing + Invalid + Placeholder;

    /// <summary>A count as a percentage of <see cref="Total"/>, to one decimal (0 when there are no records).</summary>
    public double Percent(int count) => Total == 0 ? 0 : Math.Round(100.0 * count / Total, 1, MidpointRounding.AwayFromZero);
}

/// <summary>Why values were set aside, by the parsers' own reasons, and the shapes of the dates of birth.</summary>
/// <param name="NhsNumbers">Invalid NHS numbers by <see cref="NhsNumberStatus"/> name; they add up to the field's invalid count.</param>
/// <param name="DatesOfBirth">Invalid dates of birth by <see cref="Demographics.DateOfBirthStatus"/> name; they add up to the field's invalid count.</param>
/// <param name="DateLayouts">Every non-empty date of birth by layout (<c>dd/MM/yyyy</c>): count, and how many were read.</param>
/// <param name="Postcodes">Invalid postcodes by <see cref="Demographics.PostcodeStatus"/> name; they add up to the field's invalid count.</param>
/// <param name="NonUkPostcodes">Postcodes kept although not UK postcodes (a postal code of letters and digits, compared exactly).</param>
internal sealed record InvalidProfile(IReadOnlyList<(string Reason, int Count)> NhsNumbers, IReadOnlyList<(string Reason, int Count)> DatesOfBirth,
    IReadOnlyList<(string Layout, int Count, int Read)> DateLayouts, IReadOnlyList<(string Reason, int Count)> Postcodes, int NonUkPostcodes);

/// <summary>The commonest values of one field (only with <c>--show-values</c>).</summary>
/// <param name="Field">The field's column name.</param>
/// <param name="Top">The commonest values read, most frequent first (ties in ordinal order).</param>
/// <param name="SetAside">The commonest values set aside as invalid or placeholder.</param>
internal sealed record ValuesProfile(string Field, IReadOnlyList<(string Value, int Count)> Top, IReadOnlyList<(string Value, int Count)> SetAside);

/// <summary>The candidate pairs of the default blocking rules for one run, before any scoring.</summary>
/// <param name="Kind"><c>dedupe</c> or <c>link</c>.</param>
/// <param name="Inputs">The labels of the inputs: one for dedupe, two for link.</param>
/// <param name="Records">The records of the run (left plus right for link), as the pair budget counts them.</param>
/// <param name="Report">What each rule produces.</param>
/// <param name="Budget">The default run's pair budget for that many records (<c>--max-pairs-per-record</c>).</param>
internal sealed record BlockingProfile(string Kind, IReadOnlyList<string> Inputs, long Records, NhsIdentity.Matching.BlockingReport Report, long Budget)
{
    /// <summary>Gets the candidate pairs per record, to two decimals.</summary>
    public double PairsPerRecord => Records == 0 ? 0 : Math.Round((double)Report.TotalPairs / Records, 2, MidpointRounding.AwayFromZero);

    /// <summary>Gets the rule that adds the most pairs (the first on a tie), or null when no rule adds any.</summary>
    public NhsIdentity.Matching.BlockingReportEntry? Dominant
    {
        get
        {
            NhsIdentity.Matching.BlockingReportEntry? best = null;
            foreach (var rule in Report.Rules)
            {
                if (rule.PairsProduced > 0 && (best is null || rule.PairsProduced > best.PairsProduced))
                {
                    best = rule;
                }
            }

            return best;
        }
    }

    /// <summary>Gets the share of all candidate pairs a rule adds, as a percentage to one decimal.</summary>
    public double Share(NhsIdentity.Matching.BlockingReportEntry rule) =>
        Report.TotalPairs == 0 ? 0 : Math.Round(100.0 * rule.PairsProduced / Report.TotalPairs, 1, MidpointRounding.AwayFromZero);
}
