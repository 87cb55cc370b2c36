package io.dikw.graph.names;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A concurrent map between strings and dense int ids {@code [0, cap)}. Looking up is lock-free;
 * only creating a new id takes a short lock. Mappings can be removed (STINGER's could not): a
 * removed name no longer resolves, and its id is never handed out again, so edges kept under an
 * old id can never be confused with a newcomer of the same or another name.
 *
 * <p>The index is an open-addressing table of longs, each holding a name's hash and its id, with
 * the names themselves in an array by id. A lookup reads one slot, then the name it points to:
 * no node, boxed id or key object of its own, so it costs about half the memory misses of a
 * {@code ConcurrentHashMap<String, Integer>} once the map no longer fits in the caches (the server
 * resolves every endpoint of every batch here). Writers fill a slot with a release store after the
 * name is in place, so a reader that sees the slot sees the name; a grown table is filled before
 * it is published, and the old one is never written again.
 */
public final class NameMap {
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);
    /** A removed mapping: not empty (probes go on past it), and no id. */
    private static final long REMOVED = -1L << 32;
    private static final int MIN_SLOTS = 128;

    private final String what;
    private final int cap;
    private final int maxLength;
    /** Per slot: 0 if empty, else the name's hash in the high half and id + 1 in the low half. */
    private volatile long[] slots = new long[MIN_SLOTS];
    private volatile String[] names = new String[64];
    private volatile int size;
    /** Slots in use, removed ones included; guarded by this. */
    private int occupied;
    /** The next id; guarded by this. */
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
        final long[] t = slots;
        return idAt(t, slotOf(t, name.hashCode(), name, null, 0, 0));
    }

    /**
     * @return the id in slot {@code i} of {@code t} (read again, with acquire), or -1 if {@code i}
     *     is -1 or the mapping has been removed since it was found
     */
    private static int idAt(final long[] t, final int i) {
        return i < 0 ? -1 : (int) (long) SLOTS.getAcquire(t, i) - 1; // REMOVED gives -1
    }

    /**
     * The index of the slot in {@code t} that maps a name: {@code name} if not null, else the ASCII
     * bytes {@code ascii[off, off + len)}; -1 if none.
     */
    private int slotOf(final long[] t, final int hash, final String name, final byte[] ascii, final int off,
        final int len) {
        final int mask = t.length - 1;
        for (int i = mix(hash) & mask; ; i = (i + 1) & mask) {
            final long slot = (long) SLOTS.getAcquire(t, i);
            if (slot == 0) {
                return -1;
            }
            if ((int) (slot >>> 32) == hash) {
                final int id = (int) slot - 1;
                final String[] n = names;
                final String mapped = id >= 0 && id < n.length ? n[id] : null;
                if (mapped != null && (name != null ? name.equals(mapped) : sameAscii(mapped, ascii, off, len))) {
                    return i;
                }
            }
        }
    }

    private static boolean sameAscii(final String s, final byte[] ascii, final int off, final int len) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != ascii[off + i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #getOrCreate(String)} for a name given as UTF-8 bytes, e.g. inside a received frame.
     * An ASCII name that is mapped already is found without making a {@code String}, so resolving
     * a batch's known names makes no garbage. A new name, or one that is not ASCII, is made into a
     * {@code String}.
     *
     * @param utf8 the bytes (valid UTF-8)
     * @param off  where the name starts
     * @param len  its length in bytes
     * @return its id, creating one if it has none
     * @throws NameException as {@link #getOrCreate(String)}
     */
    public int getOrCreate(final byte[] utf8, final int off, final int len) {
        int hash = 0;
        int bits = 0;
        for (int i = off; i < off + len; i++) {
            final byte c = utf8[i];
            hash = 31 * hash + c; // String.hashCode of an ASCII name
            bits |= c;
        }
        if (bits < 0) { // not ASCII: the string's own hash and comparison
            return getOrCreate(new String(utf8, off, len, StandardCharsets.UTF_8));
        }
        final long[] t = slots;
        final int id = idAt(t, slotOf(t, hash, null, utf8, off, len));
        return id >= 0 ? id : getOrCreate(new String(utf8, off, len, StandardCharsets.ISO_8859_1));
    }

    /**
     * @param name a name
     * @return its id
     * @throws NameException (reason {@code unknown-name}) if it has none
     */
    public int requireId(final String name) {
        final int id = idOf(name);
        if (id < 0) {
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
        final int id = idOf(name);
        if (id >= 0) {
            return id;
        }
        if (name.isEmpty() || name.length() > maxLength) {
            throw new NameException("name-too-long", what + " name of " + name.length() + " chars ('" + cut(name)
                + "') must have 1 to " + maxLength + " chars");
        }
        synchronized (this) {
            final int again = idOf(name);
            if (again >= 0) {
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
            index(name.hashCode(), created);
            size++;
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
        final long[] t = slots;
        final int i = slotOf(t, name.hashCode(), name, null, 0, 0);
        if (i < 0) {
            return -1;
        }
        final int id = (int) t[i] - 1;
        SLOTS.setRelease(t, i, REMOVED);
        names[id] = null;
        size--;
        return id;
    }

    /** @return the number of names mapped now */
    public int size() {
        return size;
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
        out.writeInt(size);
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
        final int count = in.readInt();
        if (used < 0 || used > cap || count < 0 || count > used) {
            throw new IOException("corrupt " + what + " names: used=" + used + " size=" + count + " cap=" + cap);
        }
        final String[] n = new String[Math.max(64, used)];
        for (int i = 0; i < count; i++) {
            final int id = in.readInt();
            final String name = in.readUTF();
            if (id < 0 || id >= used) {
                throw new IOException("corrupt " + what + " names: id " + id + " beyond " + used);
            }
            n[id] = name;
        }
        names = n;
        next = used;
        size = count;
        slots = rebuilt(n, used, count);
    }

    /** Puts a new mapping into the index, growing it first when it would be over half full. */
    private void index(final int hash, final int id) {
        long[] t = slots;
        if ((occupied + 1L) * 2 > t.length) {
            t = rebuilt(names, id, size + 1); // the ids below this one: it is not indexed yet
            slots = t;
        }
        put(t, hash, id);
        occupied++;
    }

    /** @return a new index of the names below {@code used}, sized for {@code live} of them at most a quarter full */
    private long[] rebuilt(final String[] n, final int used, final int live) {
        int length = MIN_SLOTS;
        while (length < 4L * live) {
            length <<= 1;
        }
        final long[] t = new long[length];
        occupied = 0;
        for (int id = 0; id < used; id++) {
            if (n[id] != null) {
                put(t, n[id].hashCode(), id);
                occupied++;
            }
        }
        return t;
    }

    private static void put(final long[] t, final int hash, final int id) {
        final int mask = t.length - 1;
        int i = mix(hash) & mask;
        while (t[i] != 0) {
            i = (i + 1) & mask;
        }
        SLOTS.setRelease(t, i, (long) hash << 32 | (id + 1L));
    }

    /** Spreads a string hash over the low bits (MurmurHash3's finalizer). */
    private static int mix(final int hash) {
        int h = hash;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ h >>> 16;
    }

    private static String cut(final String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "...";
    }
}
