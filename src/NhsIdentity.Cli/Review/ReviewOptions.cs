using System.CommandLine;

namespace NhsIdentity.Cli.Review;

/// <summary>The clerical review options of <c>nhsid link</c> and <c>nhsid dedupe</c>.</summary>
internal sealed class ReviewOptions
{
    private readonly Option<FileInfo?> output = new("--review-out")
    {
        Description = "Also write the pairs to decide by hand (CSV): every review pair, plus any sampled matches and near misses, with both records' values side by side (patient-identifiable: handle it like the extracts) and empty decision (match, non-match, unsure) and note columns.",
    };

    private readonly Option<FileInfo?> html = new("--review-html")
    {
        Description = "Also write the same pairs as a standalone HTML page (no network): differing fields highlighted, a decision per pair, and a button that downloads the decisions CSV. Holds patient values.",
    };

    private readonly Option<int> sampleMatches = new("--review-sample-matches")
    {
        Description = "Add this many match pairs, sampled at random (--seed), to check the matches' precision. Default 0.",
    };

    private readonly Option<int> nearMisses = new("--review-sample-near-misses")
    {
        Description = "Add this many of the closest non-match pairs (highest weight first), to look for missed matches. Default 0.",
    };

    private readonly Option<FileInfo> decisions = new("--review-decisions")
    {
        Description = "Decisions already made (left_id,right_id,decision[,note], or an earlier review file with its decision column filled): pairs with the same two ids start with that decision and note.",
    };

    /// <summary>Initializes a new instance.</summary>
    public ReviewOptions() => decisions.AcceptExistingOnly();

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(output);
        command.Options.Add(html);
        command.Options.Add(sampleMatches);
        command.Options.Add(nearMisses);
        command.Options.Add(decisions);
    }

    /// <summary>Reads the values given.</summary>
    public Values Read(ParseResult parseResult) => new(
        parseResult.GetValue(output)?.FullName,
        parseResult.GetValue(html)?.FullName,
        parseResult.GetValue(sampleMatches),
        parseResult.GetValue(nearMisses),
        parseResult.GetValue(decisions)?.FullName);

    /// <summary>The values of the review options.</summary>
    /// <param name="Output">--review-out, or null.</param>
    /// <param name="Html">--review-html, or null.</param>
    /// <param name="SampleMatches">--review-sample-matches.</param>
    /// <param name="NearMisses">--review-sample-near-misses.</param>
    /// <param name="Decisions">--review-decisions, or null.</param>
    internal sealed record Values(string? Output, string? Html, int SampleMatches, int NearMisses, string? Decisions)
    {
        /// <summary>Whether any review output is asked for.</summary>
        public bool IsRequested => Output is not null || Html is not null;

        /// <summary>Writes one error line and returns false when the combination is unusable.</summary>
        public bool Check(TextWriter error)
        {
            if (SampleMatches < 0 || NearMisses < 0)
            {
                error.WriteLine("error: --review-sample-matches and --review-sample-near-misses must be 0 or more.");
                return false;
            }

            if (!IsRequested && (SampleMatches > 0 || NearMisses > 0 || Decisions is not null))
            {
                error.WriteLine("error: --review-sample-matches, --review-sample-near-misses and --review-decisions need --review-out FILE or --review-html FILE.");
                return false;
            }

            return true;
        }
    }
}
