namespace NhsIdentity.Matching;

// Writes: one at a time under the write lock, so a lookup sees each write whole or not at all. Preparation happens
// inside the lock (a few microseconds): preparing outside would need a second copy of every column.
public sealed partial class PatientIndex
{
    /// <summary>Adds a record, or replaces the indexed record with the same <see cref="PatientRecord.Id"/>.</summary>
    /// <param name="record">The record; its id is the key.</param>
    /// <returns><see langword="true"/> when the record was added, <see langword="false"/> when it replaced one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentException">The record has no id (null or empty).</exception>
    /// <remarks>A replaced record's old values stop matching as soon as this returns. Its term-frequency
    /// adjustments wait for the next <see cref="RefreshTermFrequencies"/>.</remarks>
    public bool AddOrUpdate(PatientRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var id = record.Id;
        if (string.IsNullOrEmpty(id))
        {
            PatientIndexThrowHelper.ThrowMissingId(nameof(record));
        }

        _lock.EnterWriteLock();
        try
        {
            if (_positionById.TryGetValue(id, out var position))
            {
                Unpost(position);
                _records.ReplaceAt(position, record);
                Post(position);
                _records.CompactArenaIfWasteful();
                return false;
            }

            position = _records.AppendTracked(record);
            Post(position);
            _positionById.Add(id, position);
            _count = _records.Count;
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Removes the record with this id.</summary>
    /// <param name="id">The record id.</param>
    /// <returns><see langword="true"/> when it was indexed and is now removed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    public bool Remove(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        _lock.EnterWriteLock();
        try
        {
            if (!_positionById.Remove(id, out var position))
            {
                return false;
            }

            // The last record moves into the freed position: re-key it before the move, while its keys can still
            // be read at its old position.
            Unpost(position);
            var last = _records.Count - 1;
            if (position != last)
            {
                for (var r = 0; r < _rules.Length; r++)
                {
                    _postings[r].Move(_rules[r].GetKeyUnchecked(_records, last), last, position);
                }

                _positionById[_records.GetId(last)!] = position;
            }

            _records.RemoveAtByMovingLast(position);
            _records.CompactArenaIfWasteful();
            _count = _records.Count;
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Measures how common each full name, family name and postcode is among the indexed records, for the
    /// term-frequency adjustments of later lookups.</summary>
    /// <remarks>Takes the write lock for one pass over the records (about a second per million). Records added or
    /// replaced afterwards are scored without adjustments until the next call.</remarks>
    public void RefreshTermFrequencies()
    {
        _lock.EnterWriteLock();
        try
        {
            _records.ComputeTermFrequencies();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Sets every indexed record's term-frequency adjustments from a table measured elsewhere (usually over
    /// more records than this index holds), instead of from this index's own records.</summary>
    /// <param name="table">The table, measured from records prepared with this index's
    /// <see cref="PatientIndexOptions.RecordSetOptions"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentException">The table was measured from records prepared with other options.</exception>
    /// <remarks>For an index that is one part of a larger one (a bucket of a partitioned index): with the whole
    /// index's table every pair scores exactly as it would in one index holding every record. Like
    /// <see cref="RefreshTermFrequencies"/>, it takes the write lock for one pass over the records, and records added
    /// or replaced afterwards are scored without adjustments until the next call; values the table never counted get
    /// no adjustment.</remarks>
    public void ApplyTermFrequencies(TermFrequencyTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!table.IsFor(_recordSetOptions))
        {
            throw new ArgumentException("The table was measured from records prepared with other options.", nameof(table));
        }

        _lock.EnterWriteLock();
        try
        {
            _records.ApplyTermFrequencies(table);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private void Post(int position)
    {
        for (var r = 0; r < _rules.Length; r++)
        {
            _postings[r].Add(_rules[r].GetKeyUnchecked(_records, position), position);
        }
    }

    private void Unpost(int position)
    {
        for (var r = 0; r < _rules.Length; r++)
        {
            _postings[r].Remove(_rules[r].GetKeyUnchecked(_records, position), position);
        }
    }
}
