using NhsIdentity.Server.Hosting;

// The service is built in ServerApp so `nhsid serve` and the socket tests start the same thing.
var app = ServerApp.Build(args);
await app.RunAsync().ConfigureAwait(false);

/// <summary>The entry point, public so tests can host the service with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
