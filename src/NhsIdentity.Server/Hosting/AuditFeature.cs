namespace NhsIdentity.Server.Hosting;

/// <summary>What one request's audit line says, filled in as the request runs. Holds only record ids (supplier row
/// keys), decisions, and an NHS number already masked; never names, dates or addresses.</summary>
internal sealed class AuditFeature
{
    private readonly List<string> _recordIds = [];

    public string Caller { get; set; } = "unknown";

    public string? Operation { get; set; }

    public string? Decision { get; set; }

    /// <summary>The query's NHS number in the masked form (<c>*** *** 7104</c>), when it had a valid one.</summary>
    public string? MaskedNhsNumber { get; set; }

    public IReadOnlyList<string> RecordIds => _recordIds;

    public void AddRecordId(string id) => _recordIds.Add(id);

    public static AuditFeature Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var feature = context.Features.Get<AuditFeature>();
        if (feature is null)
        {
            feature = new AuditFeature();
            context.Features.Set(feature);
        }

        return feature;
    }

    /// <summary>Masks a raw NHS number for the audit line; <see langword="null"/> when it is not a valid one (an
    /// invalid value is not logged at all, masked or not).</summary>
    public static string? Mask(string? nhsNumber) =>
        nhsNumber is not null && NhsNumber.TryParse(nhsNumber, out var parsed)
            ? parsed.ToString("M", System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
