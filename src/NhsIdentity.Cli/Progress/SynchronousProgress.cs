namespace NhsIdentity.Cli.Progress;

/// <summary>An <see cref="IProgress{T}"/> that calls its handler at once on the reporting thread (the framework's
/// <see cref="Progress{T}"/> posts to the thread pool, so reports could arrive after the stage has ended).</summary>
internal sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
