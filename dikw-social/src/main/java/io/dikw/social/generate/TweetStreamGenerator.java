package io.dikw.social.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Writes a synthetic, realistic Twitter stream with planted memes, in Twitter API v1.1 JSON
 * lines, plus a labels file naming the meme (or {@code -}) of every tweet.
 *
 * <h2>Model</h2>
 * <ul>
 * <li><b>Words.</b> Every word is built from syllables (onset, vowel, coda), 3–12 letters, and is
 *     checked against a list of real English stop words (a superset of Lucene's English set), so no
 *     generated word, nor its {@code -s/-ing/-ed} forms, is a stop word or contains {@code meme}.
 *     The general vocabulary ({@code vocabularySize}, default 5,000 words) follows a
 *     Zipf–Mandelbrot law (s = 1.05, q = 2.7). Texts sprinkle in real stop words (38% of tokens,
 *     Zipf among themselves), inflect 8–15% of words, use sentence case, light punctuation, the
 *     occasional all-caps word and BMP emoji.</li>
 * <li><b>Users.</b> {@code users} users with unique screen names (≤ 15 characters), display names,
 *     Twitter-like ids (old sequential and snowflake-era), and a follower graph: preferential
 *     attachment over everyone (mean 3 follows each, 20% followed back) plus preferential
 *     attachment inside every meme community (mean 3.5 follows each, 30% followed back).
 *     {@code followers_count} is 8 × the in-degree plus log-normal noise. Background authorship is
 *     Zipf over users (s = 0.9), so a few users tweet a lot.</li>
 * <li><b>Memes.</b> Each meme has 1–3 hashtags (a word, a CamelCase pair, or a word with two
 *     digits), 30–80 own words (Zipf, s = 1), drawn from a shared topic pool so memes overlap a
 *     little, 1–3 URLs ({@code https://news.example.org/<slug>-<n>} and similar), and a community
 *     of users (2% of users, or {@code 3 × users / memes} when smaller, scaled by √popularity, clamped
 *     to 0.2%–8% and at least 5; communities overlap).
 *     Popularity is log-normal (σ = 0.9). An original meme tweet uses a meme word for 45–70% of
 *     its non-stop-word tokens (general words otherwise), carries a meme hashtag 60–90% of the time
 *     (a second one 25% of those; 25% placed inline), a meme URL 25–50% of the time, and mentions
 *     followees inside the community (25% one, 7% two).</li>
 * <li><b>Time.</b> Each meme lives 10–60 minutes (scaled down when the stream is shorter);
 *     starts are stratified over the stream so a few memes are active at any time. Its intensity
 *     follows a Beta(a ∈ [1.6, 3], b ∈ [2.5, 6]) curve over its lifetime: fast rise, peak, long
 *     fade. Arrivals are an inhomogeneous Poisson process, background at
 *     {@code backgroundShare × tweetsPerSecond} plus every meme's curve, so memes burst at their
 *     peaks while the average rate is {@code tweetsPerSecond}; exactly {@code count} tweets are
 *     drawn (see {@code ArrivalClock}). Each tweet's kind (background or which meme) is drawn in
 *     proportion to the intensities at its time, so the expected background share is exactly
 *     {@code backgroundShare}.</li>
 * <li><b>Diffusion.</b> {@code retweetShare} (30%) of tweets are retweets: a recent tweet of the
 *     same meme (or of the background), picked by heavy-tailed virality (Pareto 1.3) from a ring
 *     of the last 48 (background: 512), retweeted by one of its author's followers, preferably
 *     a community member. Text {@code RT @author: text}, cut to 280 with an ellipsis, entities
 *     shifted, plus {@code retweeted_status}. {@code quoteShare} (4%) are quote tweets with a short
 *     comment, the permalink and {@code quoted_status}. {@code replyShare} (8%) of originals reply
 *     to a recent tweet of the same meme, starting with {@code @author}. Background tweets mention
 *     followees (15%), link background URLs (10%), and use generic hashtags ({@code #news},
 *     {@code #love}, …, 6%, shared by everything) and 1,500 long-tail background hashtags (8%).</li>
 * </ul>
 *
 * <h2>Output</h2>
 * Tweets: one v1.1 object per line ({@code created_at}, {@code id}, {@code id_str}, {@code text} ≤
 * 280, {@code in_reply_to_*}, {@code user}, {@code is_quote_status}, {@code quoted_status},
 * {@code retweeted_status}, {@code entities} with {@code hashtags}, {@code user_mentions},
 * {@code urls} and exact {@code indices}, {@code lang}). Ids are snowflakes of the creation time,
 * strictly increasing; {@code created_at} never decreases. Labels: {@code <id_str>\t<label>} per
 * tweet, same order; a label never appears in any tweet.
 *
 * <h2>Determinism and memory</h2>
 * One {@link SplittableRandom} seeded once, split into setup, arrival and content streams;
 * {@link StrictMath} for every transcendental function; no hash iteration. The same config gives
 * byte-identical output on every run and JVM. Memory is the world (users, graph, memes: {@code
 * O(users + memes × 80)}), an intensity grid of at most 2<sup>20</sup> cells, and the bounded
 * rings of recent tweets; it does not grow with {@code count}.
 *
 * <p>A generator can write any number of times; each {@link #write} produces the same stream.
 * Not thread-safe.
 */
public final class TweetStreamGenerator
{
    /** Label written for background tweets. */
    public static final String BACKGROUND_LABEL = "-";
    /** {@link #write} reports progress every this many tweets, and once at the end. */
    public static final int PROGRESS_INTERVAL = 10_000;

    private static final int MEME_RING = 48;
    private static final int BACKGROUND_RING = 512;

    private final GeneratorConfig config;
    private final World world;

    /**
     * Builds the users, follower graph, vocabulary and memes for a config.
     *
     * @param config the settings.
     */
    public TweetStreamGenerator(final GeneratorConfig config)
    {
        this.config = Objects.requireNonNull(config, "config must not be null");
        final SplittableRandom root = new SplittableRandom(config.seed());
        this.world = World.build(config, root.split());
    }

    /**
     * The settings.
     *
     * @return the config.
     */
    public GeneratorConfig config()
    {
        return config;
    }

    /**
     * Ground truth of the planted memes, ordered by start time (the order of their names).
     *
     * @return one spec per meme.
     */
    public List<MemeSpec> memes()
    {
        final List<MemeSpec> specs = new ArrayList<>(world.memes.length);
        for (final Meme m : world.memes)
        {
            specs.add(m.spec(world.startMillis));
        }
        return List.copyOf(specs);
    }

    /**
     * Writes the whole stream. Neither writer is closed; both are flushed at the end.
     *
     * @param tweets receives JSON lines, one tweet per line.
     * @param labels receives {@code <id_str>\t<label>} lines; pass {@link Writer#nullWriter()} to skip.
     * @param progress called with the number of tweets written so far, every
     *     {@link #PROGRESS_INTERVAL} tweets and at the end.
     * @return counts of what was written.
     * @throws IOException when a writer fails.
     */
    public GenerationStats write(final Writer tweets, final Writer labels, final LongConsumer progress)
        throws IOException
    {
        Objects.requireNonNull(tweets, "tweets must not be null");
        Objects.requireNonNull(labels, "labels must not be null");
        Objects.requireNonNull(progress, "progress must not be null");
        final SplittableRandom root = new SplittableRandom(config.seed());
        root.split(); // the setup stream, already used by the constructor
        final SplittableRandom arrivals = root.split();
        final SplittableRandom content = root.split();

        final JsonFactory factory = new JsonFactoryBuilder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .rootValueSeparator((String) null)
            .build();
        final BufferedWriter labelOut = new BufferedWriter(labels, 1 << 16);
        try (JsonGenerator json = factory.createGenerator(tweets))
        {
            final Run run = new Run(json, labelOut, arrivals, content);
            final GenerationStats stats = run.all(progress);
            json.flush();
            labelOut.flush();
            return stats;
        }
    }

    /** State of one {@link #write}: clock, rings, counters. */
    private final class Run
    {
        private final TweetJsonWriter out;
        private final Writer labels;
        private final SplittableRandom rng;
        private final ArrivalClock clock;
        private final TweetComposer composer;
        private final Meme[] memes;
        private final RecentTweets[] memeRings;
        private final RecentTweets backgroundRing = new RecentTweets(BACKGROUND_RING);
        private final int[] active;
        private final double[] weights;
        private int activeCount;
        private int weightsCell = -1;
        private double totalWeight;
        private int nextToActivate;
        private long lastId;
        private long retweetDebt;
        private long quoteDebt;
        private long background;
        private long retweets;
        private long quotes;
        private long replies;

        Run(final JsonGenerator json, final Writer labels, final SplittableRandom arrivals,
            final SplittableRandom content)
        {
            this.out = new TweetJsonWriter(world, json);
            this.labels = labels;
            this.rng = content;
            this.memes = world.memes;
            this.clock = config.count() == 0 ? null
                : new ArrivalClock(config.count(), world.durationSeconds, world.backgroundRate, memes, arrivals);
            this.composer = new TweetComposer(world, content);
            // Rings exist only while their meme is active, so memory follows the active memes.
            this.memeRings = new RecentTweets[memes.length];
            this.active = new int[memes.length];
            this.weights = new double[memes.length];
        }

        GenerationStats all(final LongConsumer progress) throws IOException
        {
            final long count = config.count();
            long first = world.startMillis;
            long last = world.startMillis;
            for (long i = 0; i < count; i++)
            {
                final double t = clock.next();
                final long millis = world.startMillis + (long) Math.floor(t * 1000.0);
                if (i == 0)
                {
                    first = millis;
                }
                last = millis;
                final Meme meme = pickKind(clock.cell());
                final SynthTweet tweet = next(meme, millis);
                out.writeLine(tweet);
                labels.write(Long.toString(tweet.id));
                labels.write('\t');
                labels.write(meme == null ? BACKGROUND_LABEL : meme.name);
                labels.write('\n');
                if ((i + 1) % PROGRESS_INTERVAL == 0)
                {
                    progress.accept(i + 1);
                }
            }
            if (count % PROGRESS_INTERVAL != 0)
            {
                progress.accept(count);
            }
            return new GenerationStats(count, background, retweets, quotes, replies,
                Instant.ofEpochMilli(first / 1000L * 1000L), Instant.ofEpochMilli(last / 1000L * 1000L));
        }

        /**
         * Background (null) or a meme, in proportion to their intensities at the midpoint of the
         * arrival's grid cell (the same values the clock integrated). Weights are recomputed only
         * when the cell changes.
         */
        private Meme pickKind(final int cell)
        {
            if (cell != weightsCell)
            {
                weightsCell = cell;
                computeWeights(clock.midpoint(cell));
            }
            double x = rng.nextDouble() * totalWeight - world.backgroundRate;
            if (x < 0.0 || activeCount == 0)
            {
                return null;
            }
            for (int a = 0; a < activeCount; a++)
            {
                x -= weights[a];
                if (x < 0.0 && weights[a] > 0.0)
                {
                    return memes[active[a]];
                }
            }
            for (int a = activeCount - 1; a >= 0; a--)
            {
                if (weights[a] > 0.0)
                {
                    return memes[active[a]];
                }
            }
            return null;
        }

        private void computeWeights(final double mid)
        {
            while (nextToActivate < memes.length && memes[nextToActivate].startSeconds <= mid)
            {
                memeRings[nextToActivate] = new RecentTweets(MEME_RING);
                active[activeCount++] = nextToActivate++;
            }
            int kept = 0;
            double total = world.backgroundRate;
            for (int a = 0; a < activeCount; a++)
            {
                final Meme m = memes[active[a]];
                if (m.endSeconds() < mid)
                {
                    memeRings[m.index] = null;
                    continue;
                }
                active[kept] = active[a];
                weights[kept] = m.rate(mid);
                total += weights[kept];
                kept++;
            }
            activeCount = kept;
            totalWeight = total;
        }

        private SynthTweet next(final Meme meme, final long millis)
        {
            final RecentTweets ring = meme == null ? backgroundRing : memeRings[meme.index];
            final long id = snowflake(millis);
            final double kind = rng.nextDouble();
            if (meme == null)
            {
                background++;
            }
            boolean wantRetweet = kind < config.retweetShare();
            boolean wantQuote = !wantRetweet && kind < config.retweetShare() + config.quoteShare();
            // Pay back retweets and quotes that could not happen earlier (empty ring).
            if (!wantRetweet && !wantQuote && !ring.isEmpty())
            {
                if (retweetDebt > 0)
                {
                    retweetDebt--;
                    wantRetweet = true;
                }
                else if (quoteDebt > 0)
                {
                    quoteDebt--;
                    wantQuote = true;
                }
            }
            if (wantRetweet)
            {
                final SynthTweet original = ring.pick(rng);
                if (original != null)
                {
                    retweets++;
                    return composer.retweet(id, millis, composer.audienceOf(original.author, meme), original);
                }
                retweetDebt++;
            }
            else if (wantQuote)
            {
                final SynthTweet quoted = ring.pick(rng);
                if (quoted != null)
                {
                    quotes++;
                    final SynthTweet q = composer.quote(id, millis, meme, composer.audienceOf(quoted.author, meme), quoted);
                    ring.add(q);
                    return q;
                }
                quoteDebt++;
            }
            final int author = meme == null ? composer.backgroundAuthor() : composer.memeAuthor(meme);
            SynthTweet replyTo = null;
            if (rng.nextDouble() < config.replyShare())
            {
                final SynthTweet target = ring.pick(rng);
                if (target != null && target.author != author)
                {
                    replyTo = target;
                    replies++;
                }
            }
            final SynthTweet tweet = composer.original(id, millis, meme, author, replyTo);
            ring.add(tweet);
            return tweet;
        }

        /** Snowflake id: 41 bits of milliseconds since the Twitter epoch, 10 worker bits, 12 sequence bits. */
        private long snowflake(final long millis)
        {
            final long epochMillis = millis - GeneratorConfig.SNOWFLAKE_EPOCH.toEpochMilli();
            final long candidate = (epochMillis << 22) | ((long) rng.nextInt(1024) << 12) | rng.nextInt(4096);
            lastId = Math.max(lastId + 1, candidate);
            return lastId;
        }
    }
}
