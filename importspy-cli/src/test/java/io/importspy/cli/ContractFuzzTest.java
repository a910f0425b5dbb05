package io.importspy.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeded fuzz regression of contracts through the command line: every mutant ends in exit 0 or 1 with a
 * report, or in exit 2 with one located line per problem; never exit 3, an escaped exception or a hang.
 */
class ContractFuzzTest {
    @TempDir
    Path work;

    @Test
    @Timeout(300)
    void every_mutant_contract_is_a_report_or_located_errors() throws Exception {
        ContractFuzz.Outcome outcome = new ContractFuzz(work).run(600, 20261201L);
        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.exits()).containsKeys(1, 2);
    }
}
