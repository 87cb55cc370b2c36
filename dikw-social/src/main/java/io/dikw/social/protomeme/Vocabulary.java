package io.dikw.social.protomeme;

import org.agrona.collections.Long2ObjectHashMap;

/**
 * Display names for the keys of word and user vectors (word hash → stem, user id → screen name),
 * remembered only as long as they can appear in the window: entries unseen for a number of steps
 * are forgotten, so memory follows the window, not the whole stream.
 */
public final class Vocabulary {
    private final Long2ObjectHashMap<Entry> words = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<Entry> users = new Long2ObjectHashMap<>();
    private Journal journal;

    /**
     * @param hash the word's key
     * @param stem the word as analyzed
     * @param step the step it was seen in
     */
    public void recordWord(final long hash, final String stem, final long step) {
        if (record(words, hash, stem, step) && journal != null) {
            journal.words.put(hash, stem);
        }
    }

    /**
     * @param userId the user's id
     * @param screenName the screen name (ignored when empty)
     * @param step the step it was seen in
     */
    public void recordUser(final long userId, final String screenName, final long step) {
        if (!screenName.isEmpty() && record(users, userId, screenName, step) && journal != null) {
            journal.users.put(userId, screenName);
        }
    }

    /** @return true when the key is new or was not yet seen in this step */
    private static boolean record(final Long2ObjectHashMap<Entry> map, final long key, final String name,
        final long step) {
        final Entry entry = map.get(key);
        if (entry == null) {
            map.put(key, new Entry(name, step));
            return true;
        }
        final boolean firstInStep = entry.lastStep != step;
        entry.lastStep = step;
        return firstInStep;
    }

    /**
     * Starts remembering every name seen for the first time in each step, so another process
     * (a coordinator that summarizes clusters) can keep its own vocabulary in step with this one.
     *
     * @return this
     */
    public Vocabulary journaling() {
        journal = new Journal();
        return this;
    }

    /**
     * @return the names seen for the first time in the current step since the last call, and clears
     *     them; empty when not journaling
     */
    public Journal drainJournal() {
        final Journal drained = journal == null ? new Journal() : journal;
        if (journal != null) {
            journal = new Journal();
        }
        return drained;
    }

    /** Names recorded in one step: word hash → stem and user id → screen name. */
    public static final class Journal {
        private final Long2ObjectHashMap<String> words = new Long2ObjectHashMap<>();
        private final Long2ObjectHashMap<String> users = new Long2ObjectHashMap<>();

        /** @return word hash → stem */
        public Long2ObjectHashMap<String> words() {
            return words;
        }

        /** @return user id → screen name */
        public Long2ObjectHashMap<String> users() {
            return users;
        }
    }

    /**
     * @param hash a word key
     * @return the stem, or the key in hex when it was never recorded or was forgotten
     */
    public String word(final long hash) {
        final Entry e = words.get(hash);
        return e != null ? e.name : Long.toHexString(hash);
    }

    /**
     * @param userId a user id
     * @return the screen name, or the id when unknown
     */
    public String user(final long userId) {
        final Entry e = users.get(userId);
        return e != null ? e.name : Long.toString(userId);
    }

    /**
     * Forgets every entry last seen before {@code step}.
     *
     * @param step the oldest step still in the window
     */
    public void forgetBefore(final long step) {
        words.values().removeIf(e -> e.lastStep < step);
        users.values().removeIf(e -> e.lastStep < step);
    }

    /** @return how many names are remembered */
    public int size() {
        return words.size() + users.size();
    }

    private static final class Entry {
        private final String name;
        private long lastStep;

        private Entry(final String name, final long lastStep) {
            this.name = name;
            this.lastStep = lastStep;
        }
    }
}
