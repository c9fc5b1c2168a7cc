using System.CommandLine;
using NhsIdentity.Matching;
using static NhsIdentity.Cli.Commands.MatchingInputs;

namespace NhsIdentity.Cli.Commands;

/// <summary>
/// The run budget options of <c>link</c> and <c>dedupe</c> (<see cref="LinkOptions.MaxPairsPerRecord"/>,
/// <see cref="LinkOptions.MaxPairsPerBlock"/>, <see cref="LinkOptions.MaxKeptPairsPerRecord"/>,
/// <see cref="LinkOptions.OnPairBudgetExceeded"/>), and the one line each budget stop prints. A stop exits with
/// <see cref="ExitCodes.BudgetExceeded"/> before any output is written.
/// </summary>
internal sealed class BudgetOptions
{
    private const string Stop = "stop";
    private const string SkipRule = "skip-rule";

    public Option<int> MaxPairsPerRecord { get; } = new("--max-pairs-per-record")
    {
        Description = Invariant($"Candidate pairs the run may compare per record (the budget is this × the records of all inputs, at least {LinkOptions.MinimumPairBudget:N0}); checked before anything is scored; training's stages are bounded by the same figure. Default {LinkOptions.DefaultMaxPairsPerRecord}."),
        DefaultValueFactory = _ => LinkOptions.DefaultMaxPairsPerRecord,
    };

    public Option<long> MaxPairsPerBlock { get; } = new("--max-pairs-per-block")
    {
        Description = Invariant($"Skip a block that holds more pairs than this (listed with a warning; its pairs still come from later rules), as blocks over the size cap are. Default {LinkOptions.DefaultMaxPairsPerBlock:N0}."),
        DefaultValueFactory = _ => LinkOptions.DefaultMaxPairsPerBlock,
    };

    public Option<int> MaxKeptPairsPerRecord { get; } = new("--max-kept-pairs-per-record")
    {
        Description = Invariant($"Pairs decided match or review the run may keep per record (at least {LinkOptions.MinimumPairBudget:N0} in all); more means the review threshold is too low or the rules too broad, and the run stops (exit 3). Default {LinkOptions.DefaultMaxKeptPairsPerRecord}."),
        DefaultValueFactory = _ => LinkOptions.DefaultMaxKeptPairsPerRecord,
    };

    public Option<string> OnBudget { get; } = new("--on-budget")
    {
        Description = "When a blocking rule would take the run past --max-pairs-per-record: stop (default; one line on standard error, exit 3, no output written) or skip-rule (leave that rule out with a warning and go on).",
        DefaultValueFactory = _ => Stop,
    };

    public void AddTo(Command command)
    {
        OnBudget.AcceptOnlyFromAmong(Stop, SkipRule);
        command.Options.Add(MaxPairsPerRecord);
        command.Options.Add(MaxPairsPerBlock);
        command.Options.Add(MaxKeptPairsPerRecord);
        command.Options.Add(OnBudget);
    }

    /// <summary>The options' values, read from a parse.</summary>
    public Values Read(ParseResult parseResult) => new(
        parseResult.GetValue(MaxPairsPerRecord),
        parseResult.GetValue(MaxPairsPerBlock),
        parseResult.GetValue(MaxKeptPairsPerRecord),
        parseResult.GetValue(OnBudget) == SkipRule ? PairBudgetPolicy.SkipRule : PairBudgetPolicy.Stop);

    /// <summary>The line printed when a rule would take the run past its candidate-pair budget: rule name and counts only.</summary>
    public static string Describe(PairBudgetExceededException exception, Values values, long records) => Invariant(
        $"error: budget exceeded: blocking rule '{exception.RuleName}' would take the candidate pairs past the budget of {exception.Budget:N0} ({Basis(values.MaxPairsPerRecord, records, exception.Budget)}): the rules before it produce {exception.PairsBeforeRule:N0} and its blocks hold {exception.RulePairs:N0} more. Nothing was scored or written. Raise --max-pairs-per-record, lower --max-pairs-per-block, or use --on-budget skip-rule to leave the rule out.");

    /// <summary>The line printed when too many pairs reach the review threshold: counts only.</summary>
    public static string Describe(KeptPairBudgetExceededException exception, Values values, long records) => Invariant(
        $"error: budget exceeded: more than {exception.Budget:N0} pairs reached the review threshold ({Basis(values.MaxKeptPairsPerRecord, records, exception.Budget)}; {exception.Pairs:N0} when scoring stopped): the threshold is too low for this data or the blocking rules too broad. Nothing was written. Raise --threshold if it was lowered, lower --max-pairs-per-block, or raise --max-kept-pairs-per-record.");

    private static string Basis(int perRecord, long records, long budget) =>
        budget == LinkOptions.MinimumPairBudget && (long)perRecord * records < budget
            ? Invariant($"the minimum budget; {perRecord} per record × {records:N0} records is less")
            : Invariant($"{perRecord} per record × {records:N0} records");

    /// <summary>The budget options of one run.</summary>
    public sealed record Values(int MaxPairsPerRecord, long MaxPairsPerBlock, int MaxKeptPairsPerRecord, PairBudgetPolicy OnBudget)
    {
        /// <summary>Applies the values to link options; false (with a message) when one is below 1.</summary>
        public bool TryApply(LinkOptions options, TextWriter error, out LinkOptions applied)
        {
            applied = options;
            if (MaxPairsPerRecord < 1 || MaxPairsPerBlock < 1 || MaxKeptPairsPerRecord < 1)
            {
                error.WriteLine("error: --max-pairs-per-record, --max-pairs-per-block and --max-kept-pairs-per-record must be at least 1.");
                return false;
            }

            applied = options with
            {
                MaxPairsPerRecord = MaxPairsPerRecord,
                MaxPairsPerBlock = MaxPairsPerBlock,
                MaxKeptPairsPerRecord = MaxKeptPairsPerRecord,
                OnPairBudgetExceeded = OnBudget,
            };
            return true;
        }
    }
}
