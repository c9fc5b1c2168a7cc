namespace NhsIdentity.Server.Hosting;

/// <summary>The service's settings cannot work (no credentials configured, an unreadable key file, incomplete bearer
/// token settings): thrown by <see cref="ServerApp.Build(string[], Action{WebApplicationBuilder}?)"/> before anything
/// listens. The message names settings, never a secret or a patient value.</summary>
public sealed class ServerConfigurationException : InvalidOperationException
{
    /// <summary>Initializes a new instance with no message.</summary>
    public ServerConfigurationException()
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What is wrong and which setting fixes it.</param>
    public ServerConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What is wrong and which setting fixes it.</param>
    /// <param name="innerException">The cause.</param>
    public ServerConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
