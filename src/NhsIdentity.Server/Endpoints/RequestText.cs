using System.Buffers;
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

    /// <summary>Reads the body as bytes (its size is already capped by the body size limit), for readers that take
    /// UTF-8 as it is.</summary>
    public static async Task<byte[]> ReadBodyBytesAsync(HttpRequest request)
    {
        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            if (result.IsCanceled)
            {
                // As a stream read of the body would: a cancelled read is an aborted request.
                throw new OperationCanceledException(request.HttpContext.RequestAborted);
            }

            if (result.IsCompleted)
            {
                var bytes = result.Buffer.ToArray();
                reader.AdvanceTo(result.Buffer.End);
                return bytes;
            }

            // Nothing consumed yet: ask for the rest.
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    /// <summary>The text <see cref="ReadBodyAsync"/> would have read from these bytes (UTF-8, a byte order mark
    /// honoured and dropped, invalid bytes replaced).</summary>
    public static string Decode(byte[] body)
    {
        using var reader = new StreamReader(new MemoryStream(body, writable: false), Encoding.UTF8);
        return reader.ReadToEnd();
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
