package io.dikw.social.storm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * What the protomeme bolt tells the coordinator when it closes a batch: whether the batch ends a
 * time step (and that step's tweets, start, the next step's index and the display names first
 * seen in it), whether the stream ended, and the input totals so far.
 *
 * @param batch the batch number
 * @param endOfStep true when the batch closes a time step
 * @param step the step's index (when endOfStep)
 * @param startMillis the step's start
 * @param tweetIds the step's tweets
 * @param nextStep the following step's index, -1 when the stream ended
 * @param words word hash → stem, first seen in the step
 * @param users user id → screen name, first seen in the step
 * @param end true when this is the last batch of the stream
 * @param tweets tweets read so far
 * @param rejected records rejected so far
 * @param late late tweets so far
 * @param lines input lines taken so far (for the spout's flow control)
 * @param rejectedByReason rejections per reason
 */
public record BatchMeta(long batch, boolean endOfStep, long step, long startMillis, long[] tweetIds, long nextStep,
    Long2ObjectHashMap<String> words, Long2ObjectHashMap<String> users, boolean end, long tweets, long rejected,
    long late, long lines, Map<String, Long> rejectedByReason) {

    /** @return the binary form (it travels as a tuple field) */
    public byte[] encode() {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + tweetIds.length * 8);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(batch);
            out.writeBoolean(endOfStep);
            out.writeLong(step);
            out.writeLong(startMillis);
            out.writeInt(tweetIds.length);
            for (final long id : tweetIds) {
                out.writeLong(id);
            }
            out.writeLong(nextStep);
            writeNames(out, words);
            writeNames(out, users);
            out.writeBoolean(end);
            out.writeLong(tweets);
            out.writeLong(rejected);
            out.writeLong(late);
            out.writeLong(lines);
            out.writeInt(rejectedByReason.size());
            for (final Map.Entry<String, Long> e : rejectedByReason.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue());
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param bytes the binary form
     * @return the meta
     */
    public static BatchMeta decode(final byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            final long batch = in.readLong();
            final boolean endOfStep = in.readBoolean();
            final long step = in.readLong();
            final long start = in.readLong();
            final long[] ids = new long[checkedCount(in.readInt(), bytes.length / 8)];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = in.readLong();
            }
            final long next = in.readLong();
            final Long2ObjectHashMap<String> words = readNames(in, bytes.length);
            final Long2ObjectHashMap<String> users = readNames(in, bytes.length);
            final boolean end = in.readBoolean();
            final long tweets = in.readLong();
            final long rejected = in.readLong();
            final long late = in.readLong();
            final long lines = in.readLong();
            final int reasons = checkedCount(in.readInt(), bytes.length);
            final Map<String, Long> byReason = new TreeMap<>();
            for (int i = 0; i < reasons; i++) {
                byReason.put(in.readUTF(), in.readLong());
            }
            return new BatchMeta(batch, endOfStep, step, start, ids, next, words, users, end, tweets, rejected, late,
                lines, byReason);
        } catch (final IOException e) {
            throw new IllegalArgumentException("corrupt batch meta: " + e, e);
        }
    }

    private static void writeNames(final DataOutputStream out, final Long2ObjectHashMap<String> names)
        throws IOException {
        out.writeInt(names.size());
        for (final Map.Entry<Long, String> e : names.entrySet()) {
            out.writeLong(e.getKey());
            out.writeUTF(e.getValue());
        }
    }

    private static Long2ObjectHashMap<String> readNames(final DataInputStream in, final int limit) throws IOException {
        final int n = checkedCount(in.readInt(), limit / 10);
        final Long2ObjectHashMap<String> names = new Long2ObjectHashMap<>();
        for (int i = 0; i < n; i++) {
            names.put(in.readLong(), in.readUTF());
        }
        return names;
    }

    private static int checkedCount(final int n, final int max) throws IOException {
        if (n < 0 || n > max) {
            throw new IOException("count " + n + " out of range 0.." + max);
        }
        return n;
    }
}
