package io.importspy.internal.inspect;

import io.importspy.inspect.InspectionException;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading an entry into an array of its recorded size, whatever the recorded size says. */
class ArchiveReadTest {
    static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    @Test
    void an_entry_of_its_recorded_size_is_read_whole() throws IOException {
        byte[] content = bytes(5000);
        assertThat(Archive.readBounded(new ByteArrayInputStream(content), 5000, "x.jar!a/B.class")).isEqualTo(content);
        assertThat(Archive.readBounded(new ByteArrayInputStream(new byte[0]), 0, "x.jar!a/B.class")).isEmpty();
    }

    @Test
    void an_entry_shorter_or_longer_than_recorded_or_of_unknown_size_is_still_read_whole() throws IOException {
        byte[] content = bytes(5000);
        assertThat(Archive.readBounded(new ByteArrayInputStream(content), 7000, "x")).isEqualTo(content);
        assertThat(Archive.readBounded(new ByteArrayInputStream(content), 4999, "x")).isEqualTo(content);
        assertThat(Archive.readBounded(new ByteArrayInputStream(content), 10, "x")).isEqualTo(content);
        assertThat(Archive.readBounded(new ByteArrayInputStream(content), -1, "x")).isEqualTo(content);
    }

    @Test
    void an_entry_recorded_or_turning_out_larger_than_the_limit_is_refused() {
        String message = "x.jar!a/B.class: entry inflates to more than 64 MiB; no class file or resource is that"
                + " large (a zip bomb?)";
        assertThatThrownBy(() -> Archive.readBounded(InputStream.nullInputStream(), Archive.MAX_ENTRY_BYTES + 1L,
                "x.jar!a/B.class")).isInstanceOf(InspectionException.class).hasMessage(message);
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 7;
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                java.util.Arrays.fill(into, offset, offset + length, (byte) 7);
                return length;
            }
        };
        assertThatThrownBy(() -> Archive.readBounded(endless, 100, "x.jar!a/B.class"))
                .isInstanceOf(InspectionException.class).hasMessage(message);
    }
}
