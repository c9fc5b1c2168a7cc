using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using Perfolizer.Horology;

namespace NhsIdentity.Benchmarks;

/// <summary>
/// The one configuration every NhsIdentity benchmark report uses, so committed reports stay comparable:
/// GitHub markdown, times in nanoseconds, and only the columns Method, Categories, Mean, Median, StdDev,
/// Ratio and Allocated.
/// </summary>
public static class BenchConfig
{
    /// <summary>The id of the job when none is chosen on the command line.</summary>
    public const string JobId = "NhsCore";

    /// <summary>Builds the configuration.</summary>
    /// <param name="addDefaultJob">
    /// <see langword="false"/> when the command line names a job (<c>--job short</c>), so that job replaces the
    /// default one instead of running next to it.
    /// </param>
    /// <param name="disassembly">Adds <see cref="DisassemblyDiagnoser"/> (3 call levels deep) for a separate investigation run.</param>
    /// <returns>The configuration.</returns>
    public static IConfig Create(bool addDefaultJob, bool disassembly = false)
    {
        var defaults = DefaultConfig.Instance;
        var config = ManualConfig.CreateEmpty()
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .AddDiagnoser(new MemoryDiagnoser(new MemoryDiagnoserConfig(displayGenColumns: false)))
            .AddAnalyser(defaults.GetAnalysers().ToArray())
            .AddValidator(defaults.GetValidators().ToArray())
            .AddColumn(
                TargetMethodColumn.Method,
                CategoriesColumn.Default,
                StatisticColumn.Mean,
                StatisticColumn.Median,
                StatisticColumn.StdDev,
                BaselineRatioColumn.RatioMean)
            .AddColumnProvider(DefaultColumnProviders.Metrics)
            .WithSummaryStyle(SummaryStyle.Default.WithTimeUnit(TimeUnit.Nanosecond))
            .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared))
            .WithOption(ConfigOptions.JoinSummary, false);

        if (disassembly)
        {
            config = config.AddDiagnoser(new DisassemblyDiagnoser(new DisassemblyDiagnoserConfig(
                maxDepth: 3, printSource: true, exportGithubMarkdown: true, exportCombinedDisassemblyReport: true)));
        }

        if (addDefaultJob)
        {
            config = config.AddJob(Job.Default.WithId(JobId));
        }

        return config;
    }
}
