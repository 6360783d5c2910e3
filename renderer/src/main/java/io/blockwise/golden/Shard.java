package io.blockwise.golden;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One of N shards of a job, {@code I/N} with I in 1..N, so that N machines of a CI matrix cover
 * every scenario exactly once: the files are sorted by their path and shard I takes every N-th,
 * starting with the I-th. The split depends only on the list of files, never on timing.
 */
public record Shard(int index, int count) {
    /** The whole job. */
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": I/N needs 1 <= I <= N");
        }
    }

    /**
     * Parses {@code I/N}.
     *
     * @throws IllegalArgumentException with a one-line message naming what is allowed
     */
    public static Shard parse(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new IllegalArgumentException("--shard " + text + ": expected I/N, e.g. 2/4, with 1 <= I <= N");
        }
        try {
            return new Shard(Integer.parseInt(text.substring(0, slash).trim()),
                    Integer.parseInt(text.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard " + text + ": expected I/N, e.g. 2/4, with 1 <= I <= N");
        }
    }

    /** This shard's part of {@code files}, in path order. */
    public <T extends Comparable<? super T>> List<T> of(List<T> files) {
        List<T> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.naturalOrder());
        List<T> mine = new ArrayList<>();
        for (int k = 0; k < sorted.size(); k++) {
            if (k % count == index - 1) {
                mine.add(sorted.get(k));
            }
        }
        return mine;
    }

    /** Whether the {@code k}-th item (0-based) of a sequence belongs to this shard. */
    public boolean owns(long k) {
        return k % count == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
