namespace NhsIdentity.Server.Endpoints;

/// <summary>A 200 answer whose body is UTF-8 text already written (the fast <c>$match</c> bundle), sent as
/// <c>Results.Text</c> sends a string: status, content type, content length, body; nothing else.</summary>
internal sealed class Utf8JsonResult(ReadOnlyMemory<byte> body, string contentType) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
