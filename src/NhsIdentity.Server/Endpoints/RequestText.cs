using System.Text;

namespace NhsIdentity.Server.Endpoints;

/// <summary>Small request helpers shared by the endpoint groups.</summary>
internal static class RequestText
{
    /// <summary>Reads the body as UTF-8 text (its size is already capped by the body size limit).</summary>
    public static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>FHIR's id rule (<c>[A-Za-z0-9\-\.]{1,64}</c>), used for both APIs so ids are safe in logs and URLs.</summary>
    public static bool IsValidId(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '.')
            {
                return false;
            }
        }

        return true;
    }
}
