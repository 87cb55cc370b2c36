/**
 * Synthetic Twitter stream with planted memes: {@link io.dikw.social.generate.TweetStreamGenerator}
 * writes Twitter API v1.1 JSON lines and a ground-truth labels file, configured by
 * {@link io.dikw.social.generate.GeneratorConfig}. Used by the clustering pipeline, its tests,
 * the bundled sample in {@code examples/social} and the benchmarks.
 */
package io.dikw.social.generate;
