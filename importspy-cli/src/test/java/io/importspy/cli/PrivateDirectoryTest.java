package io.importspy.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PrivateDirectoryTest {
    @Test
    void makes_a_new_owner_only_directory_under_the_temporary_directory_each_time() throws Exception {
        Set<Path> made = new HashSet<>();
        try {
            for (int i = 0; i < 50; i++) {
                Path directory = PrivateDirectory.create("importspy-test-");
                assertThat(made.add(directory)).as("a new one each time").isTrue();
                assertThat(directory.getParent()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
                assertThat(directory.getFileName().toString()).startsWith("importspy-test-");
                assertThat(Files.isDirectory(directory, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isTrue();
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)))
                        .isEqualTo("rwx------");
                try (var entries = Files.list(directory)) {
                    assertThat(entries).isEmpty();
                }
            }
        } finally {
            for (Path directory : made) {
                Files.deleteIfExists(directory);
            }
        }
    }
}
