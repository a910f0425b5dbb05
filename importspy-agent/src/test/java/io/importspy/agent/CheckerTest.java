package io.importspy.agent;

import io.importspy.Spy;
import io.importspy.contract.Policy;
import io.importspy.testsupport.TestJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class CheckerTest {
    @TempDir
    Path dir;

    @Test
    void a_jar_replaced_while_it_is_checked_is_refused_and_its_digest_earns_no_verdict() throws IOException {
        Files.writeString(dir.resolve("plugin.yml"), "importspy: 1\nclasses:\n  - name: good.Plugin\n");
        Path policyFile = Files.writeString(dir.resolve("policy.yml"), """
                importspy-policy: 1
                default: refuse
                rules:
                  - match: {path: "plugins/*.jar"}
                    contract: plugin.yml
                """);
        Path good = TestJars.project(dir).source("good/Plugin.java", "package good; public class Plugin { }")
                .jar("good.jar");
        Path rogue = TestJars.project(dir).source("rogue/Plugin.java", "package rogue; public class Plugin { }")
                .jar("rogue.jar");
        Path plugin = Files.copy(rogue, Files.createDirectories(dir.resolve("plugins")).resolve("plugin.jar"));
        Policy policy = Spy.policy(policyFile);
        AtomicBoolean swapped = new AtomicBoolean();
        // the policy is first needed after the digest is taken, before the JAR is validated: swap it then
        Supplier<Policy> swapping = () -> {
            if (swapped.compareAndSet(false, true)) {
                try {
                    Files.move(Files.copy(good, dir.resolve("swap.jar")), plugin, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return policy;
        };
        Checker checker = new Checker(swapping, List.of(), false);

        Verdict swappedVerdict = checker.check(plugin);
        Verdict copyOfRogue = checker.check(Files.copy(rogue, dir.resolve("plugins/copy.jar")));

        assertThat(swapped).isTrue();
        assertThat(swappedVerdict.refused()).as(swappedVerdict.toString()).isTrue();
        assertThat(swappedVerdict.reason()).isEqualTo("ImportSpy refused " + plugin + " (none of its code runs): it "
                + "changed on disk while ImportSpy checked it");
        assertThat(copyOfRogue.refused()).as("the rogue bytes, checked for themselves: " + copyOfRogue).isTrue();
        assertThat(copyOfRogue.reason()).contains("good.Plugin");
        assertThat(checker.check(plugin).refused()).as("the good bytes now at that path").isFalse();
    }
}
