package io.dikw.graph.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class NameMapTest {

    @Test
    void mapsBothWaysAndRemovesWithoutReusingIds() {
        final NameMap m = new NameMap("vertex", 10, 20);
        assertThat(m.getOrCreate("alice")).isEqualTo(0);
        assertThat(m.getOrCreate("bob")).isEqualTo(1);
        assertThat(m.getOrCreate("alice")).isEqualTo(0);
        assertThat(m.nameOf(1)).isEqualTo("bob");
        assertThat(m.remove("alice")).isEqualTo(0);
        assertThat(m.idOf("alice")).isEqualTo(-1);
        assertThat(m.nameOf(0)).isNull();
        assertThat(m.getOrCreate("alice")).isEqualTo(2);
        assertThat(m.size()).isEqualTo(2);
    }

    @Test
    void shouldRejectOverlongNamesIdsBeyondTheCapAndUnknownNames() {
        final NameMap m = new NameMap("edge type", 2, 5);
        assertThatThrownBy(() -> m.getOrCreate("toolong")).isInstanceOf(NameException.class)
            .hasMessageContaining("edge type name of 7 chars").extracting(e -> ((NameException) e).reason())
            .isEqualTo("name-too-long");
        m.getOrCreate("a");
        m.getOrCreate("b");
        assertThatThrownBy(() -> m.getOrCreate("c")).hasMessageContaining("all 2 ids are used")
            .extracting(e -> ((NameException) e).reason()).isEqualTo("id-cap");
        assertThatThrownBy(() -> m.requireId("zz")).hasMessageContaining("unknown edge type 'zz'");
    }

    @Test
    void concurrentCreatorsAgreeOnOneIdPerName() throws Exception {
        final NameMap m = new NameMap("vertex", 1 << 20, 64);
        final Set<Integer> ids = ConcurrentHashMap.newKeySet();
        final List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            final Thread th = new Thread(() -> {
                for (int i = 0; i < 20_000; i++) {
                    ids.add(m.getOrCreate("v" + i));
                }
            });
            threads.add(th);
            th.start();
        }
        for (final Thread th : threads) {
            th.join();
        }
        assertThat(ids).hasSize(20_000);
        assertThat(m.size()).isEqualTo(20_000);
        for (int i = 0; i < 20_000; i++) {
            assertThat(m.nameOf(m.idOf("v" + i))).isEqualTo("v" + i);
        }
    }

    @Test
    void roundTripsThroughACheckpoint() throws Exception {
        final Names names = new Names(100);
        names.vertices().getOrCreate("x");
        names.vertices().getOrCreate("y");
        names.vertices().remove("x");
        names.edgeTypes().getOrCreate("mentioned");
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        names.writeTo(new DataOutputStream(bytes));
        final Names copy = new Names(100);
        copy.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(copy.vertices().idOf("y")).isEqualTo(1);
        assertThat(copy.vertices().idOf("x")).isEqualTo(-1);
        assertThat(copy.vertices().getOrCreate("z")).isEqualTo(2);
        assertThat(copy.edgeTypes().requireId("mentioned")).isZero();
    }

    /**
     * Random creations, removals and a checkpoint agree with a plain map, through index growth and
     * names whose hashes collide ("Aa" and "BB" hash alike, and so do their concatenations).
     */
    @Property(tries = 100)
    void agreesWithAPlainMap(@ForAll final long seed) throws Exception {
        final SplittableRandom random = new SplittableRandom(seed);
        final String[] pieces = {"Aa", "BB", "v1", "v2", "x"};
        final NameMap m = new NameMap("vertex", 1 << 20, 64);
        final Map<String, Integer> model = new HashMap<>();
        final Set<String> seen = new java.util.HashSet<>();
        int nextId = 0;
        for (int op = 0; op < 2_000; op++) {
            final StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(1, 4); k > 0; k--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            if (random.nextInt(5) == 0) {
                b.append(random.nextInt(1_000)); // many distinct names, so the index grows
            }
            final String name = b.toString();
            seen.add(name);
            if (random.nextInt(4) == 0) {
                final Integer removed = model.remove(name);
                assertThat(m.remove(name)).isEqualTo(removed == null ? -1 : removed);
            } else {
                final Integer known = model.get(name);
                final int id = m.getOrCreate(name);
                if (known == null) {
                    assertThat(id).as("a new name gets a new id").isEqualTo(nextId++);
                    model.put(name, id);
                } else {
                    assertThat(id).isEqualTo(known);
                }
            }
        }
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        m.writeTo(new DataOutputStream(bytes));
        final NameMap copy = new NameMap("vertex", 1 << 20, 64);
        copy.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        for (final NameMap map : List.of(m, copy)) {
            assertThat(map.size()).isEqualTo(model.size());
            assertThat(map.idsUsed()).isEqualTo(nextId);
            for (final String name : seen) {
                assertThat(map.idOf(name)).as(name).isEqualTo(model.getOrDefault(name, -1));
            }
            for (final Map.Entry<String, Integer> e : model.entrySet()) {
                assertThat(map.nameOf(e.getValue())).isEqualTo(e.getKey());
            }
        }
    }

    /** Readers running while the index grows and names are removed never get another name's id. */
    @Test
    void readersNeverSeeAWrongId() throws Exception {
        final NameMap m = new NameMap("vertex", 1 << 20, 64);
        final int names = 200_000;
        final AtomicBoolean done = new AtomicBoolean();
        final AtomicReference<String> wrong = new AtomicReference<>();
        final List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            final int offset = r;
            final Thread reader = new Thread(() -> {
                final SplittableRandom random = new SplittableRandom(offset);
                while (!done.get() && wrong.get() == null) {
                    final String name = "v" + random.nextInt(names);
                    final int id = m.idOf(name);
                    final String back = id < 0 ? null : m.nameOf(id);
                    if (id >= 0 && back != null && !back.equals(name)) {
                        wrong.set(name + " -> " + id + " -> " + back);
                    }
                }
            });
            readers.add(reader);
            reader.start();
        }
        for (int i = 0; i < names; i++) {
            m.getOrCreate("v" + i);
            if (i % 3 == 0) {
                m.remove("v" + (i / 2));
            }
        }
        done.set(true);
        for (final Thread reader : readers) {
            reader.join();
        }
        assertThat(wrong.get()).isNull();
        for (int i = 0; i < names; i++) {
            final int id = m.idOf("v" + i);
            assertThat(id < 0 || m.nameOf(id).equals("v" + i)).as("v%d", i).isTrue();
        }
    }

    /** Names removed as soon as they are made leave nothing behind, across many rebuilds of the index. */
    @Test
    void removingEachNameRightAfterMakingItLeavesNothing() {
        final NameMap m = new NameMap("vertex", 1 << 20, 64);
        for (int i = 0; i < 5_000; i++) {
            final int id = m.getOrCreate("n" + i);
            assertThat(id).isEqualTo(i);
            assertThat(m.remove("n" + i)).isEqualTo(i);
            assertThat(m.idOf("n" + i)).as("n%d after its removal", i).isEqualTo(-1);
        }
        assertThat(m.size()).isZero();
        assertThat(m.getOrCreate("n0")).as("ids are not reused").isEqualTo(5_000);
    }

    @Property(tries = 200)
    void namesGivenAsBytesGetTheIdsTheirStringsGet(@ForAll final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final String[] pieces = {"Aa", "BB", "v1", "x", "é", "日本", "\uD83D\uDE00"}; // "Aa"/"BB" collide
        final NameMap m = new NameMap("vertex", 1 << 20, 64);
        final Map<String, Integer> model = new HashMap<>();
        for (int op = 0; op < 300; op++) {
            final StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(1, 4); k > 0; k--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            final String name = b.toString();
            final byte[] utf8 = ("<" + name + ">").getBytes(StandardCharsets.UTF_8);
            final int id = random.nextBoolean() ? m.getOrCreate(name) : m.getOrCreate(utf8, 1, utf8.length - 2);
            assertThat(id).as(name).isEqualTo(model.computeIfAbsent(name, k -> model.size()));
            assertThat(m.nameOf(id)).isEqualTo(name);
        }
    }

    @Test
    void namesGivenAsBytesAreCheckedLikeStrings() {
        final NameMap m = new NameMap("vertex", 10, 4);
        final byte[] bytes = "abcdefg".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> m.getOrCreate(bytes, 0, 5)).isInstanceOf(NameException.class)
            .hasMessageContaining("vertex name of 5 chars ('abcde') must have 1 to 4 chars");
        assertThatThrownBy(() -> m.getOrCreate(bytes, 3, 0)).isInstanceOf(NameException.class);
        assertThat(m.getOrCreate(bytes, 2, 3)).isEqualTo(0);
        assertThat(m.idOf("cde")).isEqualTo(0);
        m.remove("cde");
        assertThat(m.getOrCreate(bytes, 2, 3)).as("a removed name comes back with a new id").isEqualTo(1);
    }

    @Test
    void aNameRemovedWhileItIsLookedUpByItsBytesNeverGivesANegativeId() throws Exception {
        final NameMap m = new NameMap("vertex", Integer.MAX_VALUE, 8);
        final byte[] k = {'k'};
        final AtomicBoolean done = new AtomicBoolean();
        final Thread remover = new Thread(() -> {
            while (!done.get()) {
                m.remove("k");
            }
        });
        remover.start();
        try {
            for (int i = 0; i < 300_000; i++) {
                assertThat(m.getOrCreate(k, 0, 1)).isNotNegative();
            }
        } finally {
            done.set(true);
            remover.join();
        }
    }
}
