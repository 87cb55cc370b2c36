package io.dikw.graph.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
}
