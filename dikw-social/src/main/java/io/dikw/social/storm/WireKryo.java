package io.dikw.social.storm;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.dikw.social.parallel.Classified;
import io.dikw.social.parallel.WireFormat;
import io.dikw.social.protomeme.Protomeme;
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
}
