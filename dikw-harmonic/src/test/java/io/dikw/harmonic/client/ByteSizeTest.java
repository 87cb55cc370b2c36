package io.dikw.harmonic.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTest {
    @Test
    void shouldReadSizesPeopleType() {
        assertThat(ByteSize.parse("512")).isEqualTo(512);
        assertThat(ByteSize.parse("100KB")).isEqualTo(100 * 1024);
        assertThat(ByteSize.parse("6MB")).isEqualTo(6L << 20);
        assertThat(ByteSize.parse("1.5 GiB")).isEqualTo(3L << 29);
        assertThatThrownBy(() -> ByteSize.parse("six")).hasMessageContaining("not a size: 'six'");
        assertThat(ByteSize.format(6L << 20)).isEqualTo("6.0 MiB");
    }
}
