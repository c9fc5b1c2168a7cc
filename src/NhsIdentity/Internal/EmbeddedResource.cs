using System.Text;

namespace NhsIdentity.Internal;

/// <summary>Opens the tables embedded in the assembly (see <c>Resources/README.md</c>).</summary>
internal static class EmbeddedResource
{
    public static StreamReader OpenText(string name)
    {
        var stream = typeof(EmbeddedResource).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource '{name}' is missing from the NhsIdentity assembly.");
        return new StreamReader(stream, Encoding.UTF8);
    }
}
