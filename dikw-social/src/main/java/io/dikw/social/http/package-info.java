/**
 * The HTTP view of a running social clustering job: a small JSON API over
 * {@link io.dikw.social.live.LiveResults} and a self-contained dashboard page that polls it.
 * Start it with {@link io.dikw.social.http.SocialHttpServer#start(String, int, io.dikw.social.live.LiveResults)}.
 */
package io.dikw.social.http;
