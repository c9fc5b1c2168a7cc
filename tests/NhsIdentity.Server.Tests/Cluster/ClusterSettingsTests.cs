using Microsoft.Extensions.DependencyInjection;
using NhsIdentity.Server.Hosting;

namespace NhsIdentity.Server.Tests.Cluster;

/// <summary>Cluster settings that cannot work stop the start with a configuration error (exit code 2 from
/// <c>nhsid serve</c>), naming the setting and never a connection string.</summary>
public sealed class ClusterSettingsTests
{
    [Theory]
    [InlineData("SiloPort=30000", "GatewayPort=30000")]
    [InlineData("SiloPort=0", "GatewayPort=30000")]
    [InlineData("AdvertisedAddress=not-an-address", "Buckets=256")]
    [InlineData("Buckets=0", "SiloPort=11111")]
    public void Settings_that_cannot_work_are_refused_at_build(string first, string second)
    {
        string[] args = ["--NhsIdentity:AllowAnonymous=true", "--NhsIdentity:Cluster:Enabled=true", "--NhsIdentity:Cluster:" + first, "--NhsIdentity:Cluster:" + second];

        var error = Assert.Throws<ServerConfigurationException>(() => ServerApp.Build(args));
        Assert.Contains("NhsIdentity:Cluster:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_cluster_the_service_keeps_its_in_process_index()
    {
        await using var app = ServerApp.Build(["--NhsIdentity:AllowAnonymous=true", "--NhsIdentity:DataPath=" + Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".db")]);
        Assert.IsType<IdentityIndex>(app.Services.GetRequiredService<IServedIndex>());
    }
}
