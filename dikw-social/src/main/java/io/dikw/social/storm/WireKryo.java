package io.dikw.social.storm;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.dikw.social.parallel.Classified;
import io.dikw.social.parallel.WireFormat;
import io.dikw.social.protomeme.Protomeme;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.storm.Config;

/**
 * Storm serializers for the objects the topology's tuples carry, in the binary {@link WireFormat}.
 * Tuples carry the objects themselves, so tasks in one worker process (all of them in
 * LocalCluster) hand them over without encoding; Storm uses these only between processes.
 */
public final class WireKryo {
    private WireKryo() {
    }

    /**
     * Registers the serializers.
     *
     * @param conf the topology's configuration
     */
    public static void register(final Config conf) {
        conf.registerSerialization(Protomeme.class, ProtomemeSerializer.class);
        conf.registerSerialization(Classified.class, ClassifiedSerializer.class);
        conf.registerSerialization(BatchMeta.class, BatchMetaSerializer.class);
        conf.registerSerialization(LineChunk.class, LineChunkSerializer.class);
        conf.registerSerialization(WorkChunk.class, WorkChunkSerializer.class);
        conf.registerSerialization(DecisionBatch.class, DecisionBatchSerializer.class);
    }

    /** Writes a length and the bytes {@code encode} gives; reads them back with {@code decode}. */
    private abstract static class BytesSerializer<T> extends Serializer<T> {
        private final Function<T, byte[]> encode;
        private final Function<byte[], T> decode;

        BytesSerializer(final Function<T, byte[]> encode, final Function<byte[], T> decode) {
            this.encode = encode;
            this.decode = decode;
        }

        @Override
        public void write(final Kryo kryo, final Output output, final T object) {
            final byte[] bytes = encode.apply(object);
            output.writeInt(bytes.length, true);
            output.writeBytes(bytes);
        }

        @Override
        public T read(final Kryo kryo, final Input input, final Class<? extends T> type) {
            return decode.apply(input.readBytes(input.readInt(true)));
        }
    }

    /** A protomeme in {@link WireFormat}. */
    public static final class ProtomemeSerializer extends BytesSerializer<Protomeme> {
        /** Storm instantiates it by name. */
        public ProtomemeSerializer() {
            super(WireFormat::encode, WireFormat::decodeProtomeme);
        }
    }

    /** A worker's decision in {@link WireFormat}. */
    public static final class ClassifiedSerializer extends BytesSerializer<Classified> {
        /** Storm instantiates it by name. */
        public ClassifiedSerializer() {
            super(WireFormat::encode, WireFormat::decodeClassified);
        }
    }

    /** A batch's metadata, as {@link BatchMeta#encode()} writes it. */
    public static final class BatchMetaSerializer extends BytesSerializer<BatchMeta> {
        /** Storm instantiates it by name. */
        public BatchMetaSerializer() {
            super(BatchMeta::encode, BatchMeta::decode);
        }
    }

    /** A chunk of input lines: first line number, count, then each line and its oversized flag. */
    public static final class LineChunkSerializer extends Serializer<LineChunk> {
        @Override
        public void write(final Kryo kryo, final Output output, final LineChunk chunk) {
            output.writeLong(chunk.firstLine(), true);
            output.writeInt(chunk.lines().size(), true);
            for (int i = 0; i < chunk.lines().size(); i++) {
                output.writeString(chunk.lines().get(i));
                output.writeBoolean(chunk.oversized()[i]);
            }
        }

        @Override
        public LineChunk read(final Kryo kryo, final Input input, final Class<? extends LineChunk> type) {
            final long firstLine = input.readLong(true);
            final int n = input.readInt(true);
            final List<String> lines = new ArrayList<>(n);
            final boolean[] oversized = new boolean[n];
            for (int i = 0; i < n; i++) {
                lines.add(input.readString());
                oversized[i] = input.readBoolean();
            }
            return new LineChunk(firstLine, lines, oversized);
        }
    }

    /** A chunk of protomemes: count, then each seq and protomeme (as {@link ProtomemeSerializer}). */
    public static final class WorkChunkSerializer extends Serializer<WorkChunk> {
        @Override
        public void write(final Kryo kryo, final Output output, final WorkChunk chunk) {
            output.writeInt(chunk.size(), true);
            for (int i = 0; i < chunk.size(); i++) {
                output.writeLong(chunk.seqs()[i], true);
                kryo.writeObject(output, chunk.protomemes().get(i));
            }
        }

        @Override
        public WorkChunk read(final Kryo kryo, final Input input, final Class<? extends WorkChunk> type) {
            final int n = input.readInt(true);
            final long[] seqs = new long[n];
            final List<Protomeme> protomemes = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                seqs[i] = input.readLong(true);
                protomemes.add(kryo.readObject(input, Protomeme.class));
            }
            return new WorkChunk(seqs, protomemes);
        }
    }

    /** A worker's decisions for a batch: count, then each decision (as {@link ClassifiedSerializer}). */
    public static final class DecisionBatchSerializer extends Serializer<DecisionBatch> {
        @Override
        public void write(final Kryo kryo, final Output output, final DecisionBatch batch) {
            output.writeInt(batch.decisions().size(), true);
            for (final Classified c : batch.decisions()) {
                kryo.writeObject(output, c);
            }
        }

        @Override
        public DecisionBatch read(final Kryo kryo, final Input input, final Class<? extends DecisionBatch> type) {
            final int n = input.readInt(true);
            final List<Classified> decisions = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                decisions.add(kryo.readObject(input, Classified.class));
            }
            return new DecisionBatch(decisions);
        }
    }
}
