using System.Globalization;
using System.Net;
using Hl7.Fhir.Serialization;
using NhsIdentity.Fhir;

namespace NhsIdentity.Server.Tests.TestHelpers;

/// <summary>
/// Several clients writing at once (FHIR PUTs of new patients, replacements of their earlier ones, DELETEs on both
/// APIs), each recording in the <see cref="WriteLedger"/> what it sent and what was acknowledged. When the
/// acknowledgements reach the plan's kill point, the client that got the last one kills the service, while the other
/// clients' writes are in flight.
/// </summary>
internal static class WriteStorm
{
    private static readonly string[] GivenNames = ["Ardith", "Bellamy", "Corisande", "Delphine", "Evander", "Fenwick", "Galliard", "Hesper", "Isolde", "Jessamy", "Kester", "Lavinia", "Merrion", "Nerissa", "Oriel", "Perpetua"];
    private static readonly string[] FamilyNames = ["Quellwater", "Oakhollow", "Harrowgate", "Mistledge", "Fernacre", "Thistlebrook", "Wrenfold", "Ashcombe", "Brackenridge", "Cloudesley", "Dunmarrow", "Elderwick"];
    private static readonly string[] Postcodes = ["LS1 4AP", "M1 1AE", "BS1 5TR", "NE1 7RU", "B1 1BB", "L1 8JQ", "S1 2HE", "CF10 1EP"];

    /// <summary>One storm: <paramref name="MaxRequests"/> writes at most, shared by the clients; the service is killed
    /// right after the <paramref name="KillAfter"/>th acknowledgement (counted over the whole ledger).</summary>
    public sealed record Plan(int Round, int Clients, int MaxRequests, int KillAfter, int Seed);

    /// <summary>What one storm did.</summary>
    public sealed record Outcome(int Sent, int Acknowledged, int InFlightAtKill);

    /// <summary>Runs the storm; the service is dead when it returns.</summary>
    /// <exception cref="Xunit.Sdk.XunitException">A write was refused or failed before the kill, or the storm ended
    /// (every request sent) before the kill point.</exception>
    public static async Task<Outcome> RunAsync(ServerProcess server, string apiKey, WriteLedger ledger, Plan plan, CancellationToken cancellationToken)
    {
        var killed = 0;
        var sent = 0;
        var acknowledgedBefore = ledger.Acknowledged;
        var killPoint = acknowledgedBefore + plan.KillAfter;
        void KillOnce()
        {
            if (Interlocked.Exchange(ref killed, 1) == 0)
            {
                server.Kill();
            }
        }

        async Task Client(int client)
        {
            using var http = server.Client(apiKey);
            var random = new Random(HashCode.Combine(plan.Seed, plan.Round, client));
            var numbers = new NhsNumberGenerator(HashCode.Combine(plan.Seed, plan.Round, client, 7), NhsNumberRegion.Test);
            var next = 0;
            // Until a write fails at the kill, not until the kill is decided: the kill itself takes a moment (the process
            // tree is walked first), and writes sent in that moment are the ones it should catch in flight.
            while (Interlocked.Increment(ref sent) <= plan.MaxRequests)
            {
                var live = ledger.PickLive(client, random);
                var choice = random.NextDouble();
                string id;
                string? content;
                HttpRequestMessage request;
                if (live is null || choice < 0.5)
                {
                    id = string.Create(CultureInfo.InvariantCulture, $"r{plan.Round}-c{client}-n{next++}");
                    (content, request) = Put(id, random, numbers);
                }
                else if (choice < 0.8)
                {
                    id = live;
                    (content, request) = Put(id, random, numbers);
                }
                else
                {
                    id = live;
                    content = null;
                    // Both APIs' deletes: they share one path in the service, but not in the router.
                    request = new HttpRequestMessage(HttpMethod.Delete, new Uri((random.Next(2) == 0 ? "/fhir/Patient/" : "/records/") + id, UriKind.Relative));
                }

                ledger.Sending(id, client, content);
                HttpResponseMessage response;
                try
                {
                    using (request)
                    {
                        response = await http.SendAsync(request, cancellationToken);
                    }
                }
                catch (HttpRequestException) when (Volatile.Read(ref killed) == 1)
                {
                    return; // in flight at the kill: the ledger keeps it as such
                }

                using (response)
                {
                    if (!response.IsSuccessStatusCode)
                    {
                        Assert.Fail($"Before the kill, the write to {id} was refused with {(int)response.StatusCode} {response.StatusCode}.");
                    }

                    if (ledger.Acknowledge(id) == killPoint)
                    {
                        KillOnce();
                    }
                }
            }
        }

        try
        {
            await Task.WhenAll(Enumerable.Range(0, plan.Clients).Select(c => Task.Run(() => Client(c), cancellationToken)));
        }
        catch (HttpRequestException failure)
        {
            Assert.Fail($"A write failed before the kill ({failure.GetType().Name}: {failure.Message}). The service's last lines:\n{server.Tail()}");
        }

        if (killed == 0)
        {
            server.Kill();
            Assert.Fail($"The storm sent all {plan.MaxRequests} requests and got {ledger.Acknowledged - acknowledgedBefore} acknowledgements without reaching the kill point {plan.KillAfter}.");
        }

        var inFlight = ledger.Ids.Count(s => s.InFlight is not null);
        return new Outcome(Math.Min(sent, plan.MaxRequests), ledger.Acknowledged - acknowledgedBefore, inFlight);
    }

    /// <summary>A PUT of a new invented person with a test NHS number, and the resource as the service will store it
    /// (its id set, in the FHIR SDK's serialisation, which the service uses to store and to answer a read).</summary>
    private static (string Content, HttpRequestMessage Request) Put(string id, Random random, NhsNumberGenerator numbers)
    {
        var birth = new DateOnly(1930, 1, 1).AddDays(random.Next(80 * 365));
        var patient = Synthetic.Patient(
            numbers.Next().ToString("N", CultureInfo.InvariantCulture),
            GivenNames[random.Next(GivenNames.Length)],
            FamilyNames[random.Next(FamilyNames.Length)],
            birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Postcodes[random.Next(Postcodes.Length)]);
        patient.Id = id;
        var json = patient.ToJson();
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri("/fhir/Patient/" + id, UriKind.Relative)) { Content = Synthetic.Fhir(json) };
        return (json, request);
    }
}
