using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace NhsIdentity.Cli.Progress;

/// <summary>"value / total" with thousands separators (records, pairs), blank while indeterminate.</summary>
internal sealed class CountColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        task.IsIndeterminate ? Spectre.Console.Text.Empty
            : new Spectre.Console.Text(string.Create(CultureInfo.InvariantCulture, $"{task.Value:N0} / {task.MaxValue:N0}"));
}
