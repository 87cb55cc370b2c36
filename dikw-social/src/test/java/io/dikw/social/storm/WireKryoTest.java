package io.dikw.social.storm;

import static org.assertj.core.api.Assertions.assertThat;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.dikw.social.cluster.ClusteringParams;
import io.dikw.social.cluster.Decision;
import io.dikw.social.parallel.Classified;
import io.dikw.social.parallel.SyncStrategy;
import io.dikw.social.protomeme.PhraseAnalyzer;
import io.dikw.social.protomeme.Protomeme;
import io.dikw.social.protomeme.ProtomemeExtractor;
import io.dikw.social.protomeme.TimeStep;
import io.dikw.social.protomeme.TimeStepper;
import io.dikw.social.protomeme.Vocabulary;
import io.dikw.social.tweet.Tweet;
import io.dikw.social.tweet.TweetFormatException;
import io.dikw.social.tweet.TweetParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agrona.collections.Long2ObjectHashMap;
import org.apache.storm.Config;
import org.apache.storm.serialization.SerializationFactory;
import org.apache.storm.utils.Utils;
import org.junit.jupiter.api.Test;

/** The topology's tuple objects cross Storm worker processes through the registered serializers. */
class WireKryoTest {
    private static Object roundTrip(final Kryo kryo, final Object value) {
        final Output out = new Output(1024, -1);
        kryo.writeClassAndObject(out, value);
        return kryo.readClassAndObject(new Input(out.toBytes()));
    }

    @Test
    void tupleObjectsSurviveStormsSerialization() throws TweetFormatException {
        final Config conf = SocialTopology.stormConfig(new SocialTopologyConfig("k", "in", "", "out",
            ClusteringParams.defaults(), 2, 8, SyncStrategy.DELTA, "tcp://x:1",
            SocialTopologyConfig.Replay.FAST, 0, "127.0.0.1", -1, 5, ""), 1);
        final Map<String, Object> all = new HashMap<>(Utils.readDefaultConfig());
        all.putAll(conf);
        final Kryo kryo = SerializationFactory.getKryo(all);
        final List<TimeStep> steps = new ArrayList<>();
        try (PhraseAnalyzer analyzer = new PhraseAnalyzer()) {
            final TimeStepper stepper = new TimeStepper(30_000, new ProtomemeExtractor(analyzer, new Vocabulary()),
                (step, next) -> steps.add(step));
            for (final Tweet tweet : new TweetParser().parse("{\"id_str\":\"7\",\"created_at\":"
                + "\"Wed Oct 10 20:19:24 +0000 2018\",\"full_text\":\"memes spread fast #dikw @ann\",\"user\":"
                + "{\"id_str\":\"3\",\"screen_name\":\"bob\"},\"entities\":{\"hashtags\":[{\"text\":\"dikw\"}],"
                + "\"user_mentions\":[{\"id_str\":\"4\",\"screen_name\":\"ann\"}],\"urls\":[]}}")) {
                stepper.add(tweet);
            }
            stepper.finish();
        }
        final Protomeme pm = steps.get(0).protomemes().get(0);
        assertThat(roundTrip(kryo, pm)).isEqualTo(pm);
        final Classified c = new Classified(12, 1, Decision.Kind.SIMILAR, 5, -1, 0.75, pm);
        assertThat(roundTrip(kryo, c)).isEqualTo(c);
        final LineChunk lines = (LineChunk) roundTrip(kryo, new LineChunk(41, List.of("{\"a\":1}", "é"),
            new boolean[] {false, true}));
        assertThat(lines.firstLine()).isEqualTo(41);
        assertThat(lines.lines()).containsExactly("{\"a\":1}", "é");
        assertThat(lines.oversized()).containsExactly(false, true);
        final Long2ObjectHashMap<String> words = new Long2ObjectHashMap<>();
        words.put(5, "meme");
        final BatchMeta meta = (BatchMeta) roundTrip(kryo, new BatchMeta(4, true, 2, 60_000, new long[] {7}, 3, words,
            new Long2ObjectHashMap<>(), false, 10, 1, 0, 11, Map.of("json", 1L)));
        assertThat(meta.tweetIds()).containsExactly(7);
        assertThat(meta.words()).containsEntry(5L, "meme");
        assertThat(meta.rejectedByReason()).containsEntry("json", 1L);
        final WorkChunk chunk = (WorkChunk) roundTrip(kryo, new WorkChunk(new long[] {3, 9}, List.of(pm, pm)));
        assertThat(chunk.seqs()).containsExactly(3, 9);
        assertThat(chunk.protomemes()).containsExactly(pm, pm);
        final Classified other = new Classified(13, 1, Decision.Kind.OUTLIER, -1, -1, 0.25, pm);
        assertThat(roundTrip(kryo, new DecisionBatch(List.of(c, other)))).isEqualTo(new DecisionBatch(List.of(c, other)));
    }
}
