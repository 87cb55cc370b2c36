package io.dikw.social.parallel;

import io.dikw.core.io.DeadLetters;
import io.dikw.social.generate.GeneratorConfig;
import io.dikw.social.generate.TweetStreamGenerator;
import io.dikw.social.protomeme.PhraseAnalyzer;
import io.dikw.social.protomeme.ProtomemeExtractor;
import io.dikw.social.protomeme.TimeStep;
import io.dikw.social.protomeme.TimeStepper;
import io.dikw.social.protomeme.Vocabulary;
import io.dikw.social.tweet.Tweet;
import io.dikw.social.tweet.TweetReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A generated stream cut into 30 s time steps of protomemes, for the parallel protocol's tests. */
record GeneratedSteps(List<TimeStep> steps, List<Long> next) {

    /**
     * @param tweets how many tweets
     * @param seed the generator's seed
     * @return the steps and, for each, the index of the step after it (-1 for the last)
     */
    static GeneratedSteps of(final int tweets, final long seed) {
        final StringWriter out = new StringWriter();
        final List<TimeStep> steps = new ArrayList<>();
        final List<Long> next = new ArrayList<>();
        try {
            new TweetStreamGenerator(GeneratorConfig.defaults().withCount(tweets).withMemes(15).withUsers(1_500)
                .withSeed(seed).withTweetsPerSecond(20)).write(out, new StringWriter(), n -> { });
            try (PhraseAnalyzer analyzer = new PhraseAnalyzer();
                 TweetReader reader = new TweetReader(new StringReader(out.toString()), "gen", DeadLetters.inMemory(5))) {
                final TimeStepper stepper = new TimeStepper(30_000, new ProtomemeExtractor(analyzer, new Vocabulary()),
                    (step, following) -> {
                        steps.add(step);
                        next.add(following);
                    });
                Tweet t;
                while ((t = reader.next()) != null) {
                    stepper.add(t);
                }
                stepper.finish();
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GeneratedSteps(steps, next);
    }
}
