using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace NhsIdentity.Text;

// A hash of the table's contents, for caches of prepared records (PatientIndex snapshots): prepared rows hold nickname
// ids, which mean nothing under another table. The version label is chosen by whoever builds a table, so it cannot
// stand for the contents.
public sealed partial class NicknameTable
{
    private ulong _contentFingerprint;

    /// <summary>Gets a hash of the names and their equivalences, in id order (computed once).</summary>
    internal ulong ContentFingerprint
    {
        get
        {
            if (_contentFingerprint == 0)
            {
                var hash = new XxHash3();
                foreach (var name in _names)
                {
                    Span<int> length = [name.Length];
                    hash.Append(MemoryMarshal.AsBytes(length));
                    hash.Append(MemoryMarshal.AsBytes(name.AsSpan()));
                }

                hash.Append(MemoryMarshal.AsBytes(_relatedStart.AsSpan()));
                hash.Append(MemoryMarshal.AsBytes(_related.AsSpan()));
                _contentFingerprint = Math.Max(1, hash.GetCurrentHashAsUInt64());
            }

            return _contentFingerprint;
        }
    }
}
