using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace NhsIdentity.Cli.Progress;

/// <summary>Items per second, from Spectre's own speed estimate.</summary>
internal sealed class RateColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        task.Speed is { } speed && !task.IsIndeterminate
            ? new Spectre.Console.Text(string.Create(CultureInfo.InvariantCulture, $"{speed:N0}/s"))
            : Spectre.Console.Text.Empty;
}
