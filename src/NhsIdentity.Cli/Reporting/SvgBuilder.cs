using System.Globalization;
using System.Text;

namespace NhsIdentity.Cli.Reporting;

/// <summary>
/// Writes one inline SVG chart into the page. Charts are drawn on the server so the report needs no script: sizes
/// are in user units of a fixed <c>viewBox</c> and the page's CSS scales the chart to its column, keeping the aspect
/// ratio. Colours come from CSS classes (<c>bar-match</c>, <c>axis</c>, ...), so screen and print styles can differ.
/// </summary>
internal sealed class SvgBuilder
{
    private readonly StringBuilder html;

    /// <summary>Opens an <c>svg</c> element of the given size with an accessible title.</summary>
    public SvgBuilder(StringBuilder html, double width, double height, string title, string cssClass = "chart")
    {
        this.html = html;
        Width = width;
        Height = height;
        html.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").Append(cssClass)
            .Append("\" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height))
            .Append("\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height))
            .Append("\" role=\"img\" aria-label=\"");
        HtmlText.Append(html, title).Append("\"><title>");
        HtmlText.Append(html, title).Append("</title>");
    }

    /// <summary>Gets the chart's width in user units.</summary>
    public double Width { get; }

    /// <summary>Gets the chart's height in user units.</summary>
    public double Height { get; }

    /// <summary>A rectangle; a negative width or height is drawn from the other edge.</summary>
    public SvgBuilder Rect(double x, double y, double width, double height, string cssClass, string? tooltip = null)
    {
        if (width < 0)
        {
            x += width;
            width = -width;
        }

        if (height < 0)
        {
            y += height;
            height = -height;
        }

        html.Append("<rect class=\"").Append(cssClass).Append("\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(y))
            .Append("\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height)).Append('"');
        if (tooltip is null)
        {
            html.Append("/>");
            return this;
        }

        html.Append("><title>");
        HtmlText.Append(html, tooltip).Append("</title></rect>");
        return this;
    }

    /// <summary>A straight line.</summary>
    public SvgBuilder Line(double x1, double y1, double x2, double y2, string cssClass)
    {
        html.Append("<line class=\"").Append(cssClass).Append("\" x1=\"").Append(N(x1)).Append("\" y1=\"").Append(N(y1))
            .Append("\" x2=\"").Append(N(x2)).Append("\" y2=\"").Append(N(y2)).Append("\"/>");
        return this;
    }

    /// <summary>A polyline through the points.</summary>
    public SvgBuilder Polyline(IReadOnlyList<(double X, double Y)> points, string cssClass)
    {
        html.Append("<polyline class=\"").Append(cssClass).Append("\" points=\"");
        for (var i = 0; i < points.Count; i++)
        {
            html.Append(i == 0 ? string.Empty : " ").Append(N(points[i].X)).Append(',').Append(N(points[i].Y));
        }

        html.Append("\"/>");
        return this;
    }

    /// <summary>A small circle (a data point).</summary>
    public SvgBuilder Dot(double x, double y, double radius, string cssClass)
    {
        html.Append("<circle class=\"").Append(cssClass).Append("\" cx=\"").Append(N(x)).Append("\" cy=\"").Append(N(y))
            .Append("\" r=\"").Append(N(radius)).Append("\"/>");
        return this;
    }

    /// <summary>A line of text; <paramref name="anchor"/> is <c>start</c>, <c>middle</c> or <c>end</c>.</summary>
    public SvgBuilder Text(double x, double y, string text, string cssClass = "label", string anchor = "start")
    {
        html.Append("<text class=\"").Append(cssClass).Append("\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append('"');
        if (anchor != "start")
        {
            html.Append(" text-anchor=\"").Append(anchor).Append('"');
        }

        html.Append('>');
        HtmlText.Append(html, text).Append("</text>");
        return this;
    }

    /// <summary>Text rotated a quarter turn anticlockwise about its position (a y-axis title).</summary>
    public SvgBuilder VerticalText(double x, double y, string text, string cssClass = "axis-title")
    {
        html.Append("<text class=\"").Append(cssClass).Append("\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(y))
            .Append("\" text-anchor=\"middle\" transform=\"rotate(-90 ").Append(N(x)).Append(' ').Append(N(y)).Append(")\">");
        HtmlText.Append(html, text).Append("</text>");
        return this;
    }

    /// <summary>Closes the <c>svg</c> element.</summary>
    public void Close() => html.Append("</svg>");

    /// <summary>A coordinate with at most one decimal, invariant (stable bytes, small files).</summary>
    private static string N(double value)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("0.#", CultureInfo.InvariantCulture);
    }
}
