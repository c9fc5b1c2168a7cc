namespace NhsIdentity.Matching.Clustering;

/// <summary>Union-find over record indices, with path halving; roots are always the smallest index of their set.</summary>
internal sealed class DisjointSets
{
    private readonly int[] _parent;

    public DisjointSets(int count)
    {
        _parent = new int[count];
        for (var i = 0; i < count; i++)
        {
            _parent[i] = i;
        }
    }

    public int Count => _parent.Length;

    public int Find(int i)
    {
        while (_parent[i] != i)
        {
            _parent[i] = _parent[_parent[i]];
            i = _parent[i];
        }

        return i;
    }

    /// <summary>Joins two roots; the smaller index becomes the root. Returns the new root.</summary>
    public int UnionRoots(int a, int b)
    {
        if (a == b)
        {
            return a;
        }

        var (root, child) = a < b ? (a, b) : (b, a);
        _parent[child] = root;
        return root;
    }

    /// <summary>Numbers the sets in order of their smallest member and returns each index's set number.</summary>
    public int[] Label(out int count)
    {
        var labels = new int[_parent.Length];
        count = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            // Roots are the smallest member, so a root is met before any other member of its set.
            var root = Find(i);
            labels[i] = root == i ? count++ : labels[root];
        }

        return labels;
    }
}
