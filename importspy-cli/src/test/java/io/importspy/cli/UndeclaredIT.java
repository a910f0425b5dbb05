package io.importspy.cli;

import io.importspy.testsupport.TestJars;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code validate --undeclared}: a contract as the API's lock file, drift seen both ways. */
class UndeclaredIT {
    private static final String V1 = """
            package com.acme;
            public class Greeter {
                public static final String NAME = "greeter";
                protected int count;
                private int hidden;
                public Greeter() { }
                public String greet(String who) { return "hello " + who; }
                public String greet(String who, int times) { return greet(who).repeat(times); }
                void internal() { }
            }
            """;
    private static final String V2 = V1.replace("    void internal() { }", """
                void internal() { }
                public static final int LIMIT = 3;
                public Greeter(String prefix) { }
                public void reset() { }
            """);

    @TempDir
    static Path dir;
    static Path v1;
    static Path v2;
    static Path lock;

    @BeforeAll
    static void build() throws Exception {
        v1 = jar("greeter-1.0.jar", V1);
        v2 = jar("greeter-1.1.jar", V2);
        lock = dir.resolve("greeter-api.yml");
        MainTest.Outcome inspected = MainTest.run("inspect", v1.toString());
        assertThat(inspected.exit()).as(inspected.err()).isZero();
        Files.writeString(lock, inspected.out());
    }

    static Path jar(String name, String source) throws Exception {
        Path classes = TestJars.compile(Files.createTempDirectory(dir, "build"), Map.of("com/acme/Greeter.java", source));
        return TestJars.jar(dir.resolve(name)).manifest("Automatic-Module-Name", "com.acme.greeter")
                .manifest("Implementation-Version", name.replaceAll("[^0-9.]", "").replaceAll("\\.$", ""))
                .classes(classes).build();
    }

    @Test
    void the_contract_inspect_writes_is_a_lock_file_the_same_release_meets() {
        MainTest.Outcome outcome = MainTest.run("validate", "--undeclared", "--runtime", "none", "-c", lock.toString(),
                v1.toString());
        assertThat(outcome.exit()).as(outcome.out()).isZero();
    }

    @Test
    void what_a_new_release_adds_is_undeclared_and_fails_only_when_asked() {
        MainTest.Outcome lenient = MainTest.run("validate", "--runtime", "none", "-c", lock.toString(), v2.toString());
        assertThat(lenient.exit()).as(lenient.out()).isZero();

        MainTest.Outcome drift = MainTest.run("validate", "--undeclared", "--runtime", "none", "--format", "json",
                "-c", lock.toString(), v2.toString());
        assertThat(drift.exit()).isEqualTo(1);
        assertThat(drift.out())
                .contains("\"category\": \"undeclared\"")
                .contains("\"message\": \"class com.acme.Greeter has field LIMIT, which the contract does not declare\"")
                .contains("\"message\": \"class com.acme.Greeter has constructor (java.lang.String), which the contract "
                        + "does not declare\"")
                .contains("\"subject\": \"com.acme.Greeter#reset()\"")
                .doesNotContain("internal").doesNotContain("hidden");
        assertThat(drift.out().split("\"category\": \"undeclared\"", -1)).hasSize(4);
    }

    @Test
    void a_method_entry_without_parameters_declares_every_overload_and_private_members_never_count() throws Exception {
        Path contract = dir.resolve("greet-only.yml");
        Files.writeString(contract, """
                importspy: 1
                classes:
                  - name: com.acme.Greeter
                    fields: [{name: NAME}, {name: count}]
                    constructors: [{}]
                    methods: [{name: greet}]
                """);
        MainTest.Outcome outcome = MainTest.run("validate", "--undeclared", "--runtime", "none", "-c", contract.toString(),
                v1.toString());
        assertThat(outcome.exit()).as(outcome.out()).isZero();
        MainTest.Outcome text = MainTest.run("validate", "--undeclared", "--runtime", "none", "-c", contract.toString(),
                v2.toString());
        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.out()).contains("x undeclared  class com.acme.Greeter has method reset(), which the contract "
                + "does not declare  (" + contract + ":3:5)")
                .contains("fix: declare method reset() in the contract's entry for com.acme.Greeter, or remove it from "
                        + "the module")
                .doesNotContain("constructor (java.lang.String)");
    }

    @Test
    void public_classes_added_to_the_contracts_packages_nested_ones_too_are_undeclared() throws Exception {
        Path classes = TestJars.compile(Files.createTempDirectory(dir, "build"), Map.of(
                "com/acme/Greeter.java", V1.replace("    void internal() { }", """
                            void internal() { }
                            public static class Options { public int times; }
                            protected interface Hook { }
                            private static class Hidden { }
                            public Runnable task() { return new Runnable() { public void run() { } }; }
                        """),
                "com/acme/Farewell.java", "package com.acme; public class Farewell { }",
                "com/acme/Helper.java", "package com.acme; class Helper { public static class Inside { } }",
                "com/acme/impl/Impl.java", "package com.acme.impl; public class Impl { }"));
        Path v3 = TestJars.jar(dir.resolve("greeter-1.2.jar")).manifest("Automatic-Module-Name", "com.acme.greeter")
                .manifest("Implementation-Version", "1.2").classes(classes).build();

        MainTest.Outcome drift = MainTest.run("validate", "--undeclared", "--runtime", "none", "-c", lock.toString(),
                v3.toString());

        assertThat(drift.exit()).isEqualTo(1);
        assertThat(drift.out())
                .contains("x undeclared  package com.acme has class com.acme.Farewell, which the contract does not"
                        + " declare  (" + lock + ":")
                .contains("package com.acme has class com.acme.Greeter$Options")
                .contains("package com.acme has class com.acme.Greeter$Hook")
                .contains("fix: declare class com.acme.Farewell in the contract's classes, or remove it from the module")
                .contains("class com.acme.Greeter has method task()")
                .doesNotContain("Hidden").doesNotContain("Helper").doesNotContain("Greeter$1")
                .doesNotContain("com.acme.impl");
        assertThat(drift.out().split("x undeclared", -1)).as(drift.out()).hasSize(5);

        MainTest.Outcome inspected = MainTest.run("inspect", v3.toString());
        Path newLock = Files.writeString(dir.resolve("greeter-1.2-api.yml"), inspected.out());
        MainTest.Outcome locked = MainTest.run("validate", "--undeclared", "--runtime", "none", "-c", newLock.toString(),
                v3.toString());
        assertThat(locked.exit()).as("the contract inspect writes declares every class it reports: " + locked.out())
                .isZero();
    }

    @Test
    void a_selection_by_name_declares_the_classes_it_selects_and_puts_the_rest_of_its_glob_in_scope() throws Exception {
        Path classes = TestJars.compile(Files.createTempDirectory(dir, "build"), Map.of(
                "com/acme/api/Greeting.java", "package com.acme.api; public interface Greeting { }",
                "com/acme/api/Stray.java", "package com.acme.api; public class Stray { }",
                "com/acme/other/Free.java", "package com.acme.other; public class Free { }"));
        Path jar = TestJars.jar(dir.resolve("api.jar")).classes(classes).build();
        Path contract = Files.writeString(dir.resolve("api-interfaces.yml"), """
                importspy: 1
                classes:
                  - select: {name: "com.acme.api.*", kind: interface}
                """);

        MainTest.Outcome outcome = MainTest.run("validate", "--undeclared", "--runtime", "none", "-c",
                contract.toString(), jar.toString());

        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.out()).contains("package com.acme.api has class com.acme.api.Stray, which the contract does"
                + " not declare  (" + contract + ":3:5)").doesNotContain("class com.acme.api.Greeting, which")
                .doesNotContain("Free");
        assertThat(outcome.out().split("x undeclared", -1)).hasSize(2);
    }
}
