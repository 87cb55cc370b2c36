package io.dikw.graph.names;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A concurrent map between strings and dense int ids {@code [0, cap)}. Looking up is lock-free;
 * only creating a new id takes a short lock. Mappings can be removed (STINGER's could not): a
 * removed name no longer resolves, and its id is never handed out again, so edges kept under an
 * old id can never be confused with a newcomer of the same or another name.
 */
public final class NameMap {
    private final String what;
    private final int cap;
    private final int maxLength;
    private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
    private volatile String[] names = new String[64];
    private int next;

    /**
     * @param what      what the names are, for messages (e.g. {@code vertex})
     * @param cap       ids are below this
     * @param maxLength the longest name accepted, in chars
     */
    public NameMap(final String what, final int cap, final int maxLength) {
        if (cap < 1 || maxLength < 1) {
            throw new IllegalArgumentException("cap=" + cap + " and maxLength=" + maxLength + " must be >= 1");
        }
        this.what = Objects.requireNonNull(what, "what");
        this.cap = cap;
        this.maxLength = maxLength;
    }

    /**
     * @param name a name
     * @return its id, or -1 if it has none
     */
    public int idOf(final String name) {
        final Integer id = ids.get(name);
        return id == null ? -1 : id;
    }

    /**
     * @param name a name
     * @return its id
     * @throws NameException (reason {@code unknown-name}) if it has none
     */
    public int requireId(final String name) {
        final Integer id = ids.get(name);
        if (id == null) {
            throw new NameException("unknown-name", "unknown " + what + " '" + cut(name) + "'");
        }
        return id;
    }

    /**
     * @param name a name
     * @return its id, creating one if it has none
     * @throws NameException if the name is empty or too long, or all ids below the cap are used
     */
    public int getOrCreate(final String name) {
        final Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        if (name.isEmpty() || name.length() > maxLength) {
            throw new NameException("name-too-long", what + " name of " + name.length() + " chars ('" + cut(name)
                + "') must have 1 to " + maxLength + " chars");
        }
        synchronized (this) {
            final Integer again = ids.get(name);
            if (again != null) {
                return again;
            }
            if (next >= cap) {
                throw new NameException("id-cap", "cannot name " + what + " '" + cut(name) + "': all " + cap
                    + " ids are used; raise the cap");
            }
            final int created = next++;
            String[] n = names;
            if (created >= n.length) {
                n = Arrays.copyOf(n, (int) Math.min(cap, Math.max(created + 1L, n.length * 2L)));
            }
            n[created] = name;
            names = n;
            ids.put(name, created);
            return created;
        }
    }

    /**
     * @param id an id
     * @return its name, or null if it has none (never mapped, or removed)
     */
    public String nameOf(final int id) {
        final String[] n = names;
        return id >= 0 && id < n.length ? n[id] : null;
    }

    /**
     * Removes a mapping; the id is not reused.
     *
     * @param name a name
     * @return its former id, or -1 if it had none
     */
    public synchronized int remove(final String name) {
        final Integer id = ids.remove(name);
        if (id == null) {
            return -1;
        }
        names[id] = null;
        return id;
    }

    /** @return the number of names mapped now */
    public int size() {
        return ids.size();
    }

    /** @return how many ids were ever handed out (the next id) */
    public synchronized int idsUsed() {
        return next;
    }

    /**
     * @param out where to write the mappings
     * @throws IOException if writing fails
     */
    public synchronized void writeTo(final DataOutputStream out) throws IOException {
        out.writeInt(next);
        out.writeInt(ids.size());
        for (int id = 0; id < next; id++) {
            if (names[id] != null) {
                out.writeInt(id);
                out.writeUTF(names[id]);
            }
        }
    }

    /**
     * Replaces this map's content with mappings written by {@link #writeTo}.
     *
     * @param in where to read
     * @throws IOException if reading fails or the data breaks the map's limits
     */
    public synchronized void readFrom(final DataInputStream in) throws IOException {
        final int used = in.readInt();
        final int size = in.readInt();
        if (used < 0 || used > cap || size < 0 || size > used) {
            throw new IOException("corrupt " + what + " names: used=" + used + " size=" + size + " cap=" + cap);
        }
        ids.clear();
        final String[] n = new String[Math.max(64, used)];
        for (int i = 0; i < size; i++) {
            final int id = in.readInt();
            final String name = in.readUTF();
            if (id < 0 || id >= used) {
                throw new IOException("corrupt " + what + " names: id " + id + " beyond " + used);
            }
            n[id] = name;
            ids.put(name, id);
        }
        names = n;
        next = used;
    }

    private static String cut(final String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "...";
    }
}
