package io.dikw.social.generate;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Everything that does not change while the stream is written: users and their follower graph,
 * the general vocabulary, background hashtags and URLs, and the memes. Built once from the
 * config's seed; its size depends on users, vocabulary and memes, never on the tweet count.
 */
final class World
{
    /** Real, generic hashtags shared by background and meme tweets alike. */
    static final String[] GENERIC_HASHTAGS = {
        "news", "love", "tbt", "music", "photo", "happy", "travel", "food", "sports", "art", "tech",
        "life", "fun", "mood", "weekend", "breaking", "funny", "fitness", "nature", "gaming",
        "politics", "health", "business", "science", "motivation", "throwback", "style", "win",
        "fail", "followme"};

    /** Domains of expanded URLs (reserved example domains). */
    static final String[] URL_DOMAINS = {
        "news.example.org", "blog.example.net", "video.example.com", "www.example.com",
        "daily.example.org", "pics.example.net", "shop.example.com", "radio.example.org"};

    private static final String EMOJI_IN_NAMES = "\u2728";
    private static final int BACKGROUND_HASHTAGS = 1_500;
    private static final int BACKGROUND_URLS = 3_000;

    final GeneratorConfig config;
    final long startMillis;
    final double durationSeconds;
    final double backgroundRate;

    final long[] userIds;
    final String[] userIdStrings;
    final String[] screenNames;
    final String[] names;
    final int[] followersCount;
    /** Users from most to least active (background authorship). */
    final int[] activityOrder;
    final ZipfSampler userActivity;
    final FollowerGraph graph;

    final String[] words;
    final ZipfSampler wordSampler;
    final ZipfSampler stopSampler;
    final ZipfSampler genericHashtagSampler;
    final String[] backgroundHashtags;
    final ZipfSampler backgroundHashtagSampler;
    final String[] backgroundUrls;
    final ZipfSampler backgroundUrlSampler;

    /** Memes ordered by start time; {@code memes[i].index == i}. */
    final Meme[] memes;

    private World(final GeneratorConfig config, final SplittableRandom rng)
    {
        this.config = config;
        this.startMillis = config.start().toEpochMilli();
        this.durationSeconds = config.count() / config.tweetsPerSecond();
        final int userCount = config.users();
        final WordForge forge = new WordForge();
        for (final String tag : GENERIC_HASHTAGS)
        {
            forge.reserve(tag);
        }

        // General vocabulary, Zipf–Mandelbrot like English word frequencies.
        words = new String[config.vocabularySize()];
        for (int i = 0; i < words.length; i++)
        {
            // Frequent words are short, rare words longer, as in English.
            words[i] = forge.word(rng, 1, i < 300 ? 1 : i < 2_000 ? 2 : 3);
        }
        wordSampler = new ZipfSampler(words.length, 1.05, 2.7);
        stopSampler = new ZipfSampler(StopWords.WORDS.size(), 0.9, 1.0);
        genericHashtagSampler = new ZipfSampler(GENERIC_HASHTAGS.length, 1.0, 1.0);

        // Users.
        userIds = new long[userCount];
        userIdStrings = new String[userCount];
        screenNames = new String[userCount];
        names = new String[userCount];
        makeUsers(rng);
        activityOrder = permutation(userCount, rng);
        userActivity = new ZipfSampler(userCount, 0.9, 5.0);

        // Background markers.
        final Set<String> urlsSeen = new HashSet<>();
        backgroundHashtags = new String[BACKGROUND_HASHTAGS];
        for (int i = 0; i < backgroundHashtags.length; i++)
        {
            backgroundHashtags[i] = hashtag(forge, rng);
        }
        backgroundHashtagSampler = new ZipfSampler(backgroundHashtags.length, 1.1, 1.0);
        backgroundUrls = new String[BACKGROUND_URLS];
        for (int i = 0; i < backgroundUrls.length; i++)
        {
            backgroundUrls[i] = url(words, wordSampler, urlsSeen, rng);
        }
        backgroundUrlSampler = new ZipfSampler(backgroundUrls.length, 1.0, 2.0);

        // Memes and their communities, then the follower graph over everyone.
        final double memeShare = config.memes() == 0 ? 0.0 : 1.0 - config.backgroundShare();
        backgroundRate = config.tweetsPerSecond() * (1.0 - memeShare);
        memes = makeMemes(forge, urlsSeen, memeShare, rng);
        graph = makeGraph(rng);
        followersCount = new int[userCount];
        for (int u = 0; u < userCount; u++)
        {
            final double noise = StrictMath.exp(3.0 + 1.3 * gaussian(rng));
            followersCount[u] = (int) Math.min(50_000_000L, 8L * graph.followerCount(u) + Math.round(noise));
        }
    }

    /**
     * Builds the world for a config.
     *
     * @param config the settings.
     * @param rng the setup random source (split from the seed).
     * @return the world.
     */
    static World build(final GeneratorConfig config, final SplittableRandom rng)
    {
        return new World(config, rng);
    }

    /**
     * A standard normal deviate by Box–Muller with {@link StrictMath}, identical on every JVM.
     *
     * @param rng random source.
     * @return N(0, 1).
     */
    static double gaussian(final SplittableRandom rng)
    {
        final double u1 = 1.0 - rng.nextDouble();
        final double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }

    private void makeUsers(final SplittableRandom rng)
    {
        final WordForge nameForge = new WordForge();
        final String[] first = new String[400];
        final String[] last = new String[600];
        for (int i = 0; i < first.length; i++)
        {
            first[i] = nameForge.word(rng, 1, 2);
        }
        for (int i = 0; i < last.length; i++)
        {
            last[i] = nameForge.word(rng, 2, 3);
        }
        final ZipfSampler firstSampler = new ZipfSampler(first.length, 0.7, 5.0);
        final ZipfSampler lastSampler = new ZipfSampler(last.length, 0.5, 5.0);
        final Set<String> taken = new HashSet<>();
        final int n = userIds.length;
        for (int u = 0; u < n; u++)
        {
            final String f = first[firstSampler.sample(rng)];
            final String l = last[lastSampler.sample(rng)];
            final double style = rng.nextDouble();
            String handle;
            if (style < 0.3)
            {
                handle = f + l;
            }
            else if (style < 0.5)
            {
                handle = f + "_" + l;
            }
            else if (style < 0.75)
            {
                handle = f + (10 + rng.nextInt(9990));
            }
            else if (style < 0.9)
            {
                handle = WordForge.capitalize(f) + WordForge.capitalize(l);
            }
            else
            {
                handle = l + "_" + f.charAt(0);
            }
            handle = truncate(handle, 15);
            while (!taken.add(handle.toLowerCase(java.util.Locale.ROOT)))
            {
                final String suffix = Integer.toString(rng.nextInt(100_000));
                handle = truncate(handle, 15 - suffix.length()) + suffix;
            }
            screenNames[u] = handle;
            final double display = rng.nextDouble();
            if (display < 0.1)
            {
                names[u] = WordForge.capitalize(f);
            }
            else if (display < 0.15)
            {
                names[u] = WordForge.capitalize(f) + " " + WordForge.capitalize(l) + " " + EMOJI_IN_NAMES;
            }
            else
            {
                names[u] = WordForge.capitalize(f) + " " + WordForge.capitalize(l);
            }
        }
        // Ids: 70% old-style sequential ids, 30% snowflake-era ids; strictly increasing, then
        // dealt to users in random order so id carries no information about activity.
        final long[] ids = new long[n];
        final int legacy = (int) (n * 0.7);
        long id = 10_000L + rng.nextInt(1_000_000);
        for (int i = 0; i < legacy; i++)
        {
            id += 1 + rng.nextInt(400_000);
            ids[i] = id;
        }
        id = 700_000_000_000_000_000L + rng.nextLong(1_000_000_000_000L);
        for (int i = legacy; i < n; i++)
        {
            id += 1 + rng.nextLong(100_000_000_000L);
            ids[i] = id;
        }
        final int[] order = permutation(n, rng);
        for (int u = 0; u < n; u++)
        {
            userIds[u] = ids[order[u]];
            userIdStrings[u] = Long.toString(userIds[u]);
        }
    }

    private Meme[] makeMemes(
        final WordForge forge, final Set<String> urlsSeen, final double memeShare, final SplittableRandom rng)
    {
        final int count = config.memes();
        final double duration = durationSeconds;
        final double minLife = config.minMemeLifetime().toNanos() / 1e9;
        final double maxLife = config.maxMemeLifetime().toNanos() / 1e9;
        final double scale = Math.min(1.0, 0.8 * duration / maxLife);

        final double[] popularity = new double[count];
        final double[] life = new double[count];
        final double[] start = new double[count];
        final double[] shapeA = new double[count];
        final double[] shapeB = new double[count];
        final int[] strata = permutation(count, rng);
        double popularitySum = 0.0;
        for (int m = 0; m < count; m++)
        {
            popularity[m] = StrictMath.exp(0.9 * gaussian(rng));
            popularitySum += popularity[m];
            life[m] = (minLife + rng.nextDouble() * (maxLife - minLife)) * scale;
            start[m] = (strata[m] + rng.nextDouble()) / count * Math.max(0.0, duration - life[m]);
            shapeA[m] = 1.6 + 1.4 * rng.nextDouble();
            shapeB[m] = 2.5 + 3.5 * rng.nextDouble();
        }
        // Order memes by start so that meme-000 appears first.
        final Integer[] byStart = new Integer[count];
        for (int m = 0; m < count; m++)
        {
            byStart[m] = m;
        }
        Arrays.sort(byStart, (x, y) -> start[x] != start[y] ? Double.compare(start[x], start[y]) : Integer.compare(x, y));

        // Topic words: memes draw their vocabularies from one pool, so some words are shared.
        final String[] topicPool = new String[Math.min(200_000, Math.max(300, count * 40))];
        for (int i = 0; i < topicPool.length; i++)
        {
            topicPool[i] = forge.word(rng, 1, 2 + (i & 1));
        }
        final int width = Math.max(3, Integer.toString(Math.max(0, count - 1)).length());
        final int users = userIds.length;
        final int minSize = Math.min(users, Math.max(5, (int) Math.round(users * 0.002)));
        final int maxSize = Math.min(users, Math.max(minSize, (int) Math.round(users * 0.08)));
        // 2% of users per meme, but with many memes at most ~3 memberships per user on average.
        final double baseSize = Math.min(users * 0.02, users * 3.0 / Math.max(1, count));
        final int[] perm = permutation(users, rng);
        final Meme[] out = new Meme[count];
        for (int i = 0; i < count; i++)
        {
            final int m = byStart[i];
            final String name = "meme-" + zeroPad(i, width);
            final String[] hashtags = new String[1 + rng.nextInt(3)];
            for (int h = 0; h < hashtags.length; h++)
            {
                hashtags[h] = hashtag(forge, rng);
            }
            final int vocabularySize = 30 + rng.nextInt(51);
            final String[] vocabulary = new String[Math.min(vocabularySize, topicPool.length)];
            // Partial Fisher–Yates over the pool gives distinct words without a set.
            for (int k = 0; k < vocabulary.length; k++)
            {
                final int j = k + rng.nextInt(topicPool.length - k);
                final String tmp = topicPool[k];
                topicPool[k] = topicPool[j];
                topicPool[j] = tmp;
                vocabulary[k] = topicPool[k];
            }
            final ZipfSampler vocabularySampler = new ZipfSampler(vocabulary.length, 1.0, 1.0);
            final String[] urls = new String[1 + rng.nextInt(3)];
            for (int k = 0; k < urls.length; k++)
            {
                urls[k] = url(vocabulary, vocabularySampler, urlsSeen, rng);
            }
            final double relative = popularity[m] * count / popularitySum;
            final double raw = baseSize * StrictMath.sqrt(relative) * StrictMath.exp(0.35 * gaussian(rng));
            final int size = (int) Math.max(minSize, Math.min(maxSize, Math.round(raw)));
            final int[] community = new int[size];
            for (int k = 0; k < size; k++)
            {
                final int j = k + rng.nextInt(users - k);
                final int tmp = perm[k];
                perm[k] = perm[j];
                perm[j] = tmp;
                community[k] = perm[k];
            }
            final double mass = memeShare * config.count() * popularity[m] / popularitySum;
            out[i] = new Meme(i, name, hashtags, vocabulary, urls, community,
                0.45 + 0.25 * rng.nextDouble(),
                0.6 + 0.3 * rng.nextDouble(),
                0.25 + 0.25 * rng.nextDouble(),
                start[m], life[m], mass, shapeA[m], shapeB[m]);
        }
        return out;
    }

    /**
     * Preferential attachment over all users (a few follows each, 20% followed back), plus
     * preferential attachment inside every meme community (30% followed back), which makes
     * communities dense and their cross edges few.
     */
    private FollowerGraph makeGraph(final SplittableRandom rng)
    {
        final int n = userIds.length;
        final FollowerGraph.Builder builder = new FollowerGraph.Builder(n);
        final IntList endpoints = new IntList(n * 4);
        endpoints.add(0);
        for (int u = 1; u < n; u++)
        {
            final int k = 1 + geometric(rng, 2.0);
            for (int e = 0; e < k; e++)
            {
                final int target = rng.nextDouble() < 0.8 ? endpoints.get(rng.nextInt(endpoints.size())) : rng.nextInt(n);
                builder.follow(u, target);
                endpoints.add(target);
                if (rng.nextDouble() < 0.2)
                {
                    builder.follow(target, u);
                }
            }
            endpoints.add(u);
        }
        for (final Meme m : memes)
        {
            final int[] members = m.community;
            endpoints.clear();
            endpoints.add(members[0]);
            for (int j = 1; j < members.length; j++)
            {
                final int u = members[j];
                final int k = 1 + geometric(rng, 2.5);
                for (int e = 0; e < k; e++)
                {
                    final int target = rng.nextDouble() < 0.75
                        ? endpoints.get(rng.nextInt(endpoints.size()))
                        : members[rng.nextInt(j)];
                    builder.follow(u, target);
                    endpoints.add(target);
                    if (rng.nextDouble() < 0.3)
                    {
                        builder.follow(target, u);
                    }
                }
                endpoints.add(u);
            }
        }
        return builder.build();
    }

    private static String hashtag(final WordForge forge, final SplittableRandom rng)
    {
        final double style = rng.nextDouble();
        if (style < 0.5)
        {
            return forge.word(rng, 2, 3);
        }
        if (style < 0.8)
        {
            return WordForge.capitalize(forge.word(rng, 1, 2)) + WordForge.capitalize(forge.word(rng, 1, 2));
        }
        return forge.word(rng, 1, 2) + (10 + rng.nextInt(90));
    }

    private static String url(final String[] vocabulary, final ZipfSampler sampler, final Set<String> seen,
        final SplittableRandom rng)
    {
        while (true)
        {
            final StringBuilder sb = new StringBuilder(64);
            sb.append("https://").append(URL_DOMAINS[rng.nextInt(URL_DOMAINS.length)]).append('/');
            final int parts = 2 + rng.nextInt(3);
            final int base = sb.length();
            for (int p = 0; p < parts; p++)
            {
                final String word = vocabulary[sampler.sample(rng)];
                if (sb.indexOf("/" + word + "-", base - 1) < 0 && sb.indexOf("-" + word + "-", base) < 0)
                {
                    sb.append(word).append('-');
                }
            }
            sb.append(100 + rng.nextInt(99_900));
            final String url = sb.toString();
            if (seen.add(url))
            {
                return url;
            }
        }
    }

    /** Geometric count with the given mean (number of failures before a success). */
    private static int geometric(final SplittableRandom rng, final double mean)
    {
        final double p = 1.0 / (1.0 + mean);
        int k = 0;
        while (rng.nextDouble() >= p && k < 1_000)
        {
            k++;
        }
        return k;
    }

    private static int[] permutation(final int n, final SplittableRandom rng)
    {
        final int[] p = new int[n];
        for (int i = 0; i < n; i++)
        {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--)
        {
            final int j = rng.nextInt(i + 1);
            final int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }

    private static String truncate(final String s, final int max)
    {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static String zeroPad(final int value, final int width)
    {
        final String s = Integer.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    /** Growable int array. */
    private static final class IntList
    {
        private int[] values;
        private int size;

        IntList(final int capacity)
        {
            values = new int[Math.max(16, capacity)];
        }

        void add(final int v)
        {
            if (size == values.length)
            {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int get(final int i)
        {
            return values[i];
        }

        int size()
        {
            return size;
        }

        void clear()
        {
            size = 0;
        }
    }
}
