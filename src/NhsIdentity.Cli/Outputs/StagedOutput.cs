namespace NhsIdentity.Cli.Outputs;

/// <summary>A complete output waiting in its temporary file to be renamed over its target.</summary>
/// <param name="Name">The option or role named in messages (<c>--out</c>).</param>
/// <param name="TemporaryPath">The hidden temporary file, in the target's folder.</param>
/// <param name="TargetPath">The file it replaces: the final target when the output was given as a symbolic link.</param>
internal sealed record StagedOutput(string Name, string TemporaryPath, string TargetPath);
