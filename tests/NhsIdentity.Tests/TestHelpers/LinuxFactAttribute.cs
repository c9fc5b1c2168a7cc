namespace NhsIdentity.Tests.TestHelpers;

/// <summary>A fact about Linux files (devices, FIFOs, signals); skipped with a message elsewhere.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "needs Linux: device files, FIFOs and POSIX signals are tested through its tools (mkfifo, mknod, kill)";
        }
    }
}

/// <summary>A theory about Linux files (devices, FIFOs, signals); skipped with a message elsewhere.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class LinuxTheoryAttribute : TheoryAttribute
{
    public LinuxTheoryAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "needs Linux: device files, FIFOs and POSIX signals are tested through its tools (mkfifo, mknod, kill)";
        }
    }
}
