package io.dikw.social.generate;

import java.util.Arrays;

/**
 * Directed "follows" graph over user indices {@code [0, users)} in compressed sparse rows, both
 * directions: who a user follows (followees) and who follows a user (followers).
 *
 * <p>Self-loops and duplicate edges are dropped when built. Memory is {@code O(users + edges)}.
 */
final class FollowerGraph
{
    private final int[] outStart;
    private final int[] outTargets;
    private final int[] inStart;
    private final int[] inSources;

    private FollowerGraph(final int[] outStart, final int[] outTargets, final int[] inStart, final int[] inSources)
    {
        this.outStart = outStart;
        this.outTargets = outTargets;
        this.inStart = inStart;
        this.inSources = inSources;
    }

    /**
     * Number of users this user follows.
     *
     * @param user user index.
     * @return out-degree.
     */
    int followeeCount(final int user)
    {
        return outStart[user + 1] - outStart[user];
    }

    /**
     * The i-th user this user follows, ascending by index.
     *
     * @param user user index.
     * @param i position in {@code [0, followeeCount(user))}.
     * @return followee index.
     */
    int followee(final int user, final int i)
    {
        return outTargets[outStart[user] + i];
    }

    /**
     * Number of users following this user.
     *
     * @param user user index.
     * @return in-degree.
     */
    int followerCount(final int user)
    {
        return inStart[user + 1] - inStart[user];
    }

    /**
     * The i-th follower of this user, ascending by index.
     *
     * @param user user index.
     * @param i position in {@code [0, followerCount(user))}.
     * @return follower index.
     */
    int follower(final int user, final int i)
    {
        return inSources[inStart[user] + i];
    }

    /**
     * Whether {@code follower} follows {@code followee}.
     *
     * @param follower user index.
     * @param followee user index.
     * @return true when the edge exists.
     */
    boolean follows(final int follower, final int followee)
    {
        return Arrays.binarySearch(outTargets, outStart[follower], outStart[follower + 1], followee) >= 0;
    }

    /**
     * Total number of distinct edges.
     *
     * @return edge count.
     */
    int edgeCount()
    {
        return outTargets.length;
    }

    /** Collects edges, then {@link #build()}s the graph. */
    static final class Builder
    {
        private final int users;
        private int[] from = new int[1024];
        private int[] to = new int[1024];
        private int size;

        /**
         * Starts an empty edge list.
         *
         * @param users number of users.
         */
        Builder(final int users)
        {
            this.users = users;
        }

        /**
         * Adds "follower follows followee"; self-loops are ignored.
         *
         * @param follower user index.
         * @param followee user index.
         */
        void follow(final int follower, final int followee)
        {
            if (follower == followee)
            {
                return;
            }
            if (size == from.length)
            {
                from = Arrays.copyOf(from, size * 2);
                to = Arrays.copyOf(to, size * 2);
            }
            from[size] = follower;
            to[size] = followee;
            size++;
        }

        /**
         * Builds both adjacency directions, sorted and de-duplicated.
         *
         * @return the graph.
         */
        FollowerGraph build()
        {
            final int[][] out = csr(from, to, size);
            final int[][] in = csr(out[1], out[2], out[1].length);
            return new FollowerGraph(out[0], out[1], in[0], in[1]);
        }

        /**
         * Counting sort by source, then sort and de-duplicate each row.
         * Returns {start, targets, sources}: row starts, then the de-duplicated edges as two flat
         * parallel arrays (target and source of each edge), ready to build the reverse direction.
         */
        private int[][] csr(final int[] src, final int[] dst, final int m)
        {
            final int n = users;
            final int[] start = new int[n + 1];
            for (int e = 0; e < m; e++)
            {
                start[src[e] + 1]++;
            }
            for (int u = 0; u < n; u++)
            {
                start[u + 1] += start[u];
            }
            final int[] fill = Arrays.copyOf(start, n);
            final int[] targets = new int[m];
            for (int e = 0; e < m; e++)
            {
                targets[fill[src[e]]++] = dst[e];
            }
            final int[] newStart = new int[n + 1];
            int write = 0;
            for (int u = 0; u < n; u++)
            {
                final int lo = start[u];
                final int hi = start[u + 1];
                Arrays.sort(targets, lo, hi);
                newStart[u] = write;
                int prev = -1;
                for (int i = lo; i < hi; i++)
                {
                    if (targets[i] != prev)
                    {
                        prev = targets[i];
                        targets[write++] = prev;
                    }
                }
            }
            newStart[n] = write;
            final int[] compact = Arrays.copyOf(targets, write);
            final int[] flatSrc = new int[write];
            for (int u = 0; u < n; u++)
            {
                Arrays.fill(flatSrc, newStart[u], newStart[u + 1], u);
            }
            return new int[][] {newStart, compact, flatSrc};
        }
    }
}
