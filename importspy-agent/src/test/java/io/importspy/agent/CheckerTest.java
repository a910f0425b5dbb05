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

    /**
     * A JAR's file name is part of what decides it: its stem is one of its module names, which a {@code module:} rule
     * matches, and a contract's {@code filename} judges it. The same bytes under another name are decided for that
     * name, whichever was checked first, never by the verdict a copy of another name earned.
     */
    @Test
    void the_same_bytes_under_another_file_name_are_decided_for_that_name() throws IOException {
        Files.writeString(dir.resolve("strict.yml"), "importspy: 1\nclasses:\n  - name: evil.Plugin\n"
                + "    methods: [{name: greet}]\n");
        Files.writeString(dir.resolve("named.yml"), "importspy: 1\nmodule:\n  filename: \"greeter-*.jar\"\n");
        Path byName = Files.writeString(dir.resolve("by-name.yml"), """
                importspy-policy: 1
                default: allow
                rules:
                  - match: {module: greeter}
                    contract: strict.yml
                """);
        Path byPath = Files.writeString(dir.resolve("by-path.yml"), """
                importspy-policy: 1
                default: refuse
                rules:
                  - match: {path: "plugins/*.jar"}
                    contract: named.yml
                """);
        Path jar = TestJars.project(dir).source("evil/Plugin.java", "package evil; public class Plugin { }")
                .jar("evil.jar");
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path notes = Files.copy(jar, plugins.resolve("notes.jar"));
        Path greeter = Files.copy(jar, plugins.resolve("greeter-1.0.jar"));
        Path rogue = Files.copy(jar, plugins.resolve("rogue.jar"));

        Policy names = Spy.policy(byName);
        Checker first = new Checker(() -> names, List.of(), false);
        assertThat(first.check(notes).refused()).as("no rule holds notes.jar to a contract").isFalse();
        Verdict held = first.check(greeter);
        assertThat(held.refused()).as("greeter-1.0.jar is module greeter, held to strict.yml: " + held).isTrue();
        assertThat(held.reason()).contains("greet").doesNotContain("the same bytes as");

        Policy paths = Spy.policy(byPath);
        Checker second = new Checker(() -> paths, List.of(), false);
        assertThat(second.check(greeter).refused()).as("greeter-1.0.jar meets filename: greeter-*.jar").isFalse();
        Verdict renamed = second.check(rogue);
        assertThat(renamed.refused()).as("rogue.jar does not: " + renamed).isTrue();
        assertThat(renamed.reason()).contains("greeter-*.jar").doesNotContain("the same bytes as");
    }
}
