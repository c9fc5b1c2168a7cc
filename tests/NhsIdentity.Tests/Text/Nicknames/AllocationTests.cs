using NhsIdentity.Tests.TestHelpers;
using NhsIdentity.Text;

namespace NhsIdentity.Tests.Text.Nicknames;

/// <summary>Nickname lookups allocate nothing (warm up, then the allocation counter must not move).</summary>
[Collection(AllocationMeasurements.Name)]
public sealed class AllocationTests
{
    [Fact]
    public void Lookups_allocate_nothing()
    {
        var table = NicknameTable.Default;
        var names = new[] { "BOB", "ROBERT", "PEGGY", "MARGARET", "SEAN", "JOHN", "ZZZZQ", "", "AL", "ALFRED" };
        var sink = 0;
        void Body()
        {
            foreach (var a in names)
            {
                table.TryGetId(a, out var ia);
                sink += table.Contains(a) ? 1 : 0;
                sink += table.GetEquivalentIds(ia).Length;
                foreach (var b in names)
                {
                    table.TryGetId(b.AsSpan(), out var ib);
                    sink += table.AreEquivalent(a.AsSpan(), b.AsSpan()) ? 1 : 0;
                    sink += table.AreEquivalent(ia, ib) ? 1 : 0;
                }
            }
        }

        Assert.Equal(0, Allocations.Measure(Body, 500));
        Assert.NotEqual(0, sink);
    }
}
