package io.dikw.social.tweet;

import java.util.List;
import java.util.Objects;

/**
 * One tweet, reduced to what stream clustering needs, whichever API shape it came in.
 *
 * @param id the tweet id
 * @param createdAtMillis creation time, epoch milliseconds
 * @param text the full text as posted (for retweets, the "RT @user: ..." text of the retweet)
 * @param userId the author's id
 * @param screenName the author's screen name, or "" when the input did not say
 * @param hashtags hashtag texts without '#', in order of appearance
 * @param mentions mentioned users
 * @param links URLs in the text
 * @param retweetedUserId author of the retweeted tweet, or 0 when this is not a retweet
 * @param quotedUserId author of the quoted tweet, or 0
 * @param inReplyToUserId the user replied to, or 0
 */
public record Tweet(
    long id,
    long createdAtMillis,
    String text,
    long userId,
    String screenName,
    List<String> hashtags,
    List<Mention> mentions,
    List<Link> links,
    long retweetedUserId,
    long quotedUserId,
    long inReplyToUserId) {

    /** Validates and copies the lists. */
    public Tweet {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(screenName, "screenName");
        hashtags = List.copyOf(hashtags);
        mentions = List.copyOf(mentions);
        links = List.copyOf(links);
    }

    /** @return true when this tweet is a retweet of another */
    public boolean isRetweet() {
        return retweetedUserId != 0;
    }

    /**
     * A mentioned user.
     *
     * @param userId the user's id (a stable hash of the name when the input gave no id)
     * @param screenName the screen name without '@'
     */
    public record Mention(long userId, String screenName) {
    }

    /**
     * A link in the text.
     *
     * @param url the URL as it appears in the text (often a shortened t.co link)
     * @param expandedUrl the URL it leads to; equals {@code url} when the input did not say
     */
    public record Link(String url, String expandedUrl) {
    }
}
