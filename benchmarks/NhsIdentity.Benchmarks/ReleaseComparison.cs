using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using Perfolizer.Metrology;

namespace NhsIdentity.Benchmarks;

/// <summary>
/// <c>--versions 0.1.0,working</c>: one BenchmarkDotNet job per NhsIdentity version, so one run answers "is this
/// release faster or slower than the last?". A package version builds the benchmarks against the released package
/// (<c>/p:NhsIdentityVersion=X</c>, restored from the local feed, see the project file); <c>working</c> builds them
/// against the working tree. The first version listed is the baseline: every row's Ratio is its time over the same
/// row's time in the first version.
/// </summary>
/// <remarks>
/// Only <see cref="ReleaseBench"/> runs by default: it is the one class that compiles against every package (the
/// package build leaves the other benchmarks out, since they may use internals or APIs an older release lacks).
/// </remarks>
public static class ReleaseComparison
{
    /// <summary>The command-line switch that names the versions.</summary>
    public const string Switch = "--versions";

    /// <summary>The version name that means the working tree (project reference) rather than a package.</summary>
    public const string WorkingTree = "working";

    /// <summary>The build timeout used unless the command line sets one (seconds).</summary>
    public const int BuildTimeoutSeconds = 900;

    /// <summary>The MSBuild property the project file reads to reference the package instead of the project.</summary>
    public const string VersionProperty = "NhsIdentityVersion";

    /// <summary>
    /// Takes <c>--versions a,b,...</c> and <c>--job name</c> out of <paramref name="args"/> (BenchmarkDotNet would
    /// otherwise add a job of its own without the version) and adds <c>--filter *ReleaseBench*</c> and
    /// <c>--buildTimeout 900</c> when they are not given.
    /// </summary>
    /// <param name="args">The command line; returned without the two switches.</param>
    /// <param name="versions">The versions, baseline first; empty when <c>--versions</c> is absent.</param>
    /// <param name="jobName">The base job's name (<c>default</c> when not given).</param>
    /// <returns><see langword="false"/> when a switch lacks its value, fewer than two versions are named, a version is not a
    /// plain version text, or the job is not one of <c>default</c>, <c>short</c>, <c>medium</c>, <c>long</c>, <c>dry</c>.</returns>
    public static bool TryTakeArguments(ref string[] args, out string[] versions, out string jobName)
    {
        versions = [];
        jobName = "default";
        var rest = new List<string>(args.Length + 2);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == Switch || arg is "--job" or "-j")
            {
                if (i + 1 == args.Length)
                {
                    return false;
                }

                if (arg == Switch)
                {
                    versions = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                }
                else
                {
                    jobName = args[++i];
                }
            }
            else if (arg.StartsWith("--job=", StringComparison.Ordinal))
            {
                jobName = arg["--job=".Length..];
            }
            else
            {
                rest.Add(arg);
            }
        }

        if (versions.Length == 0)
        {
            return true;
        }

        if (versions.Length < 2 || !Array.TrueForAll(versions, IsVersionText) || BaseJob(jobName) is null)
        {
            return false;
        }

        if (!rest.Exists(a => a is "--filter" or "-f" || a.StartsWith("--filter=", StringComparison.Ordinal)))
        {
            rest.AddRange(["--filter", "*" + nameof(ReleaseBench) + "*"]);
        }

        // Each version's build compiles from scratch in its own folder (BenchmarkDotNet's ArtifactsPath), the working
        // tree's with the library: on a busy 2-core machine that took over BenchmarkDotNet's default 120 s.
        if (!rest.Exists(a => a.StartsWith("--buildTimeout", StringComparison.Ordinal)))
        {
            rest.AddRange(["--buildTimeout", BuildTimeoutSeconds.ToString(CultureInfo.InvariantCulture)]);
        }

        args = [.. rest];
        return true;
    }

    /// <summary>
    /// The project's configuration with one job per version (the first the baseline), the Job column, a statistical
    /// test column (Faster/Slower/Same beyond 5 %) and a full JSON export beside the GitHub markdown.
    /// </summary>
    /// <param name="versions">The versions, baseline first.</param>
    /// <param name="jobName"><c>default</c>, <c>short</c>, <c>medium</c>, <c>long</c> or <c>dry</c>.</param>
    /// <returns>The configuration.</returns>
    public static IConfig CreateConfig(IReadOnlyList<string> versions, string jobName)
    {
        var baseJob = BaseJob(jobName) ?? throw new ArgumentException($"Unknown job '{jobName}'.", nameof(jobName));
        var config = BenchConfig.Create(addDefaultJob: false)
            .AddColumnProvider(DefaultColumnProviders.Job)
            .AddColumn(StatisticalTestColumn.Create(Threshold.Parse("5%"), null))
            .HideColumns("Arguments")
            .AddExporter(JsonExporter.Full);
        for (var i = 0; i < versions.Count; i++)
        {
            var version = versions[i];
            var job = baseJob.WithId(version == WorkingTree ? WorkingTree : "v" + version);
            if (version != WorkingTree)
            {
                job = job.WithArguments([new MsBuildArgument($"/p:{VersionProperty}={version}")]);
            }

            config = config.AddJob(i == 0 ? job.AsBaseline() : job);
        }

        return config;
    }

    private static Job? BaseJob(string name) => name.ToLowerInvariant() switch
    {
        "default" => Job.Default,
        "short" or "shortrun" => Job.ShortRun,
        "medium" or "mediumrun" => Job.MediumRun,
        "long" or "longrun" => Job.LongRun,
        "dry" => Job.Dry,
        _ => null,
    };

    // A version goes into an MSBuild property and a folder name: digits, letters, dots, hyphens and plus only.
    private static bool IsVersionText(string version)
    {
        foreach (var c in version)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-' or '+'))
            {
                return false;
            }
        }

        return version.Length > 0;
    }
}
