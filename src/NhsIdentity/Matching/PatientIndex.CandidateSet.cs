using System.Numerics;
using System.Runtime.CompilerServices;

namespace NhsIdentity.Matching;

public sealed partial class PatientIndex
{
    /// <summary>
    /// The positions one lookup has gathered, so a record selected by several rules is scored once. An open-addressing
    /// table sized for what this lookup's keys select, not for the index: a few dozen candidates probe a table of a
    /// few cache lines, where a marker per indexed record cost a cache miss per candidate at a million records. Each
    /// slot holds the lookup's generation beside the position, so emptying the set is a counter increment; the array
    /// only grows, and a lookup uses as much of its start as it needs.
    /// </summary>
    private sealed class CandidateSet
    {
        private ulong[] _slots = [];
        private int _mask;
        private int _shift;
        private ulong _generation;

        /// <summary>Empties the set, with room for <paramref name="most"/> positions at under half load.</summary>
        public void Reset(int most)
        {
            var wanted = (int)Math.Min(1u << 30, BitOperations.RoundUpToPowerOf2((uint)Math.Max(64, most) * 4));
            if (_slots.Length < wanted)
            {
                _slots = new ulong[wanted];
                _generation = 0;
            }

            // Slots past this lookup's part keep older generations: never probed now, and stale to any later lookup.
            _mask = wanted - 1;
            _shift = 32 - BitOperations.Log2((uint)wanted);

            if (++_generation == uint.MaxValue)
            {
                Array.Clear(_slots);
                _generation = 1;
            }
        }

        /// <summary>Adds a position; <see langword="false"/> when this lookup has already added it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Add(int position)
        {
            var entry = (_generation << 32) | (uint)position;
            // Fibonacci hashing: the multiplier's top bits mix every bit of the position.
            var slot = (int)(((uint)position * 0x9E3779B9u) >> _shift);
            while (true)
            {
                var held = _slots[slot];
                if (held >> 32 != _generation)
                {
                    _slots[slot] = entry;
                    return true;
                }

                if (held == entry)
                {
                    return false;
                }

                slot = (slot + 1) & _mask;
            }
        }
    }
}
