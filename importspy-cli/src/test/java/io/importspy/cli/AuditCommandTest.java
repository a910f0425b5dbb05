package io.importspy.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@code importspy audit} hands its targets to its jobs. */
class AuditCommandTest {
    @Test
    void jobs_start_the_largest_targets_first_and_equal_ones_in_target_order(@TempDir Path dir) throws Exception {
        List<AuditTargets.Target> targets = List.of(target(dir, "a.jar", 10), target(dir, "b.jar", 300),
                target(dir, "c.jar", 10), target(dir, "d.jar", 2000),
                new AuditTargets.Target("gone.jar", dir.resolve("gone.jar"), Optional.empty(), "gone.jar"));

        assertThat(AuditCommand.largestFirst(targets)).containsExactly(3, 1, 0, 2, 4);
    }

    private static AuditTargets.Target target(Path dir, String name, int size) throws Exception {
        Path file = Files.write(dir.resolve(name), new byte[size]);
        return new AuditTargets.Target(name, file, Optional.empty(), name);
    }
}
