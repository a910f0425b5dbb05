package io.importspy.cli;

import io.importspy.contract.ContractException;
import io.importspy.inspect.InspectionException;
import io.importspy.internal.contract.Contracts;
import io.importspy.internal.inspect.Inspector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Which errors of an audit are verdicts on the bytes, and so may be cached. */
class AuditJobTest {
    @Test
    void a_corrupt_jar_and_a_bad_contract_follow_from_their_bytes(@TempDir Path dir) throws Exception {
        Path garbage = Files.write(dir.resolve("garbage.jar"), "not a zip".getBytes(StandardCharsets.UTF_8));
        InspectionException corrupt = catchThrowableOfType(
                () -> Inspector.withClasspath(List.of()).identify(garbage), InspectionException.class);
        ContractException bad = catchThrowableOfType(
                () -> Contracts.parse("importspy: 1\nclasses:\n  - nmae: x\n", "c.yml"), ContractException.class);

        assertThat(AuditJob.followsFromTheBytes(corrupt)).as(corrupt.getMessage()).isTrue();
        assertThat(AuditJob.followsFromTheBytes(bad)).isTrue();
        assertThat(AuditJob.followsFromTheBytes(new InspectionException("a.jar!A.class: entry cannot be read",
                new ZipException("invalid stored block lengths")))).isTrue();
    }

    @Test
    void an_error_of_io_does_not() {
        assertThat(AuditJob.followsFromTheBytes(new InspectionException("a.jar: cannot be read (Input/output error)",
                new IOException("Input/output error")))).isFalse();
        assertThat(AuditJob.followsFromTheBytes(new InspectionException("a.jar: cannot be read",
                new java.io.UncheckedIOException(new NoSuchFileException("a.jar"))))).isFalse();
    }
}
