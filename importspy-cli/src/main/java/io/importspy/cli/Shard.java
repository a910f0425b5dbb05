package io.importspy.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * One of {@code count} shards of an audit, numbered from 0 as Kubernetes numbers an Indexed Job's pods
 * ({@code JOB_COMPLETION_INDEX}). A target belongs to the shard its identity hashes to: the first eight bytes
 * of the SHA-256 of its UTF-8 identity, unsigned, modulo {@code count}. The hash depends on nothing but the
 * identity, so every machine, JVM and list order agrees on it, and the shards of one count partition any set
 * of targets.
 *
 * @param index this shard, {@code 0 <= index < count}
 * @param count how many shards
 */
record Shard(int index, int count) {
    /** The whole audit: one shard. */
    static final Shard ALL = new Shard(0, 1);

    /** Reads {@code --shard i/n}. */
    static Shard parse(String text) {
        int slash = text.indexOf('/');
        try {
            if (slash > 0) {
                int index = Integer.parseInt(text.substring(0, slash).strip());
                int count = Integer.parseInt(text.substring(slash + 1).strip());
                if (count >= 1 && index >= 0 && index < count) {
                    return new Shard(index, count);
                }
                throw new BadInputException(List.of("--shard '" + text + "': the index is counted from 0, so it is "
                        + (count < 1 ? "a count of at least 1 that is needed" : "at most " + (count - 1)
                        + " for " + count + " shards")));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException(List.of("--shard '" + text + "' is not INDEX/COUNT, e.g. 0/4 (indexes count from 0)"));
    }

    /** Whether the target named {@code identity} is this shard's. */
    boolean contains(String identity) {
        return count == 1 || Long.remainderUnsigned(hash(identity), count) == index;
    }

    static long hash(String identity) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
        long hash = 0;
        for (int i = 0; i < 8; i++) {
            hash = (hash << 8) | (digest[i] & 0xff);
        }
        return hash;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
