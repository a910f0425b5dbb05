package io.importspy;

import io.importspy.internal.contract.Contracts;
import io.importspy.testsupport.TestJars;
import io.importspy.validate.Category;
import io.importspy.validate.Strictness;
import io.importspy.validate.Violation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static io.importspy.RealJarsIT.jarOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code module.digest}, {@code module.signed} and {@code module.signers} on JARs signed by the JDK's own
 * {@code keytool} and {@code jarsigner}, tampered with afterwards in the ways a JAR is tampered with, and on a
 * signed JAR from Maven Central (Bouncy Castle's provider).
 */
class IntegrityIT {
    @TempDir
    static Path tmp;
    static Path signed;
    static Path unsigned;
    static Path addedAfterSigning;
    static Path modifiedEntry;
    static Path partiallySigned;
    static Path otherKey;
    static String certificate;
    static String key;

    @BeforeAll
    static void signFixtures() throws Exception {
        Path classes = TestJars.compile(tmp.resolve("classes"), Map.of(
                "com/acme/Plugin.java", "package com.acme; public class Plugin { public String name() { return \"p\"; } }",
                "com/acme/Helper.java", "package com.acme; class Helper { }"));
        unsigned = TestJars.jar(tmp.resolve("plugin-1.0.jar")).manifest("Plugin-Id", "p").classes(classes)
                .entry("plugin.properties", "a=1\n").build();
        tool("keytool", "-genkeypair", "-keystore", tmp.resolve("ks.p12").toString(), "-storepass", "changeit",
                "-alias", "acme", "-keyalg", "EC", "-dname", "CN=Acme Plugins", "-validity", "3650");
        tool("keytool", "-genkeypair", "-keystore", tmp.resolve("ks.p12").toString(), "-storepass", "changeit",
                "-alias", "rogue", "-keyalg", "EC", "-dname", "CN=Rogue", "-validity", "3650");
        signed = sign(unsigned, tmp.resolve("signed/plugin-1.0.jar"), "acme");
        otherKey = sign(unsigned, tmp.resolve("other/plugin-1.0.jar"), "rogue");
        addedAfterSigning = rewrite(signed, tmp.resolve("added/plugin-1.0.jar"), Map.of(), Map.of(
                "com/acme/Backdoor.class", Files.readAllBytes(classes.resolve("com/acme/Helper.class"))));
        modifiedEntry = rewrite(signed, tmp.resolve("modified/plugin-1.0.jar"),
                Map.of("plugin.properties", "a=2\n".getBytes(StandardCharsets.UTF_8)), Map.of());
        partiallySigned = rewrite(signed, tmp.resolve("partial/plugin-1.0.jar"), Map.of(), Map.of(
                "extra/one.txt", "1".getBytes(StandardCharsets.UTF_8),
                "extra/two.txt", "2".getBytes(StandardCharsets.UTF_8),
                "extra/three.txt", "3".getBytes(StandardCharsets.UTF_8)));
        String printed = tool("keytool", "-printcert", "-jarfile", signed.toString());
        certificate = fingerprint(printed);
        String exported = tool("keytool", "-exportcert", "-rfc", "-keystore", tmp.resolve("ks.p12").toString(),
                "-storepass", "changeit", "-alias", "acme");
        key = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(
                        new java.io.ByteArrayInputStream(exported.getBytes(StandardCharsets.US_ASCII)))
                        .getPublicKey().getEncoded()));
    }

    /** The "SHA256:" line of {@code keytool -printcert}, with its colons, as users copy it. */
    static String fingerprint(String printed) {
        Matcher m = Pattern.compile("SHA256: ([0-9A-F:]{95})").matcher(printed);
        assertThat(m.find()).as(printed).isTrue();
        return m.group(1);
    }

    static Path sign(Path jar, Path out, String alias) throws Exception {
        Files.createDirectories(out.getParent());
        tool("jarsigner", "-keystore", tmp.resolve("ks.p12").toString(), "-storepass", "changeit", "-signedjar",
                out.toString(), jar.toString(), alias);
        return out;
    }

    /** A copy of {@code jar} with some entries' bytes replaced and others added, signature files kept. */
    static Path rewrite(Path jar, Path out, Map<String, byte[]> replaced, Map<String, byte[]> added) throws IOException {
        Files.createDirectories(out.getParent());
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(out);
             ZipOutputStream zip = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream bytes = in.getInputStream(entry)) {
                    zip.write(replaced.containsKey(entry.getName()) ? replaced.get(entry.getName()) : bytes.readAllBytes());
                }
                zip.closeEntry();
            }
            for (Map.Entry<String, byte[]> entry : added.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return out;
    }

    static String tool(String name, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", name).toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        process.getInputStream().transferTo(output);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = output.toString(StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(name + " " + String.join(" ", arguments) + ":\n" + text).isZero();
        return text;
    }

    static List<Violation> violations(Path jar, String module) {
        return Spy.validate(Contracts.parse("importspy: 1\nmodule:\n" + module, "spymodel.yml"),
                ValidationOptions.defaults().withRuntime(RuntimeSource.none()).withStrictness(Strictness.STRICT),
                List.of(jar)).targets().get(0).violations();
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Nested
    class Digest {
        @Test
        void the_file_digest_matches_in_either_case_and_with_colons() throws Exception {
            String hex = sha256(signed);
            assertThat(violations(signed, "  digest: \"sha256:" + hex + "\"\n")).isEmpty();
            String colons = hex.toUpperCase().replaceAll("(..)(?!$)", "$1:");
            assertThat(violations(signed, "  digest: \"SHA256:" + colons + "\"\n")).isEmpty();
        }

        @Test
        void sha512_digests_are_checked_too() throws Exception {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(Files.readAllBytes(signed)));
            assertThat(violations(signed, "  digest: \"sha512:" + hex + "\"\n")).isEmpty();
        }

        @Test
        void another_file_is_a_mismatch_naming_both_digests() throws Exception {
            List<Violation> found = violations(modifiedEntry, "  digest: \"sha256:" + sha256(signed) + "\"\n");
            assertThat(found).singleElement().satisfies(v -> {
                assertThat(v.category()).isEqualTo(Category.MISMATCH);
                assertThat(v.subject()).isEqualTo("module.digest");
                assertThat(v.found()).isEqualTo("sha256:" + sha256(modifiedEntry));
                assertThat(v.location().line()).isEqualTo(3);
                assertThat(v.message()).contains("not the pinned sha256:" + sha256(signed));
            });
        }

        @Test
        void a_class_directory_has_no_digest() throws Exception {
            List<Violation> found = violations(tmp.resolve("classes"), "  digest: \"sha256:" + sha256(signed) + "\"\n");
            assertThat(found).singleElement().satisfies(v -> {
                assertThat(v.category()).isEqualTo(Category.MISSING);
                assertThat(v.message()).isEqualTo("module is a class directory, which has no file digest");
            });
        }
    }

    @Nested
    class Signatures {
        @Test
        void a_jar_signed_by_jarsigner_is_signed() {
            assertThat(violations(signed, "  signed: true\n")).isEmpty();
        }

        @Test
        void an_unsigned_jar_is_missing_its_signature() {
            assertThat(violations(unsigned, "  signed: true\n")).singleElement().satisfies(v -> {
                assertThat(v.category()).isEqualTo(Category.MISSING);
                assertThat(v.message()).isEqualTo("module is not signed");
            });
        }

        @Test
        void an_entry_added_after_signing_is_named() {
            assertThat(violations(addedAfterSigning, "  signed: true\n")).singleElement().satisfies(v -> {
                assertThat(v.category()).isEqualTo(Category.MISMATCH);
                assertThat(v.message()).isEqualTo("module is only partly signed: no signature covers "
                        + "com/acme/Backdoor.class (added or changed after signing?)");
            });
        }

        @Test
        void a_partially_signed_jar_lists_every_unsigned_entry() {
            assertThat(violations(partiallySigned, "  signed: true\n")).singleElement().satisfies(v ->
                    assertThat(v.found()).startsWith("3 unsigned entries: ").contains("extra/one.txt", "extra/two.txt",
                            "extra/three.txt"));
        }

        @Test
        void a_modified_entry_fails_the_jdks_verification() {
            assertThat(violations(modifiedEntry, "  signed: true\n")).singleElement().satisfies(v -> {
                assertThat(v.category()).isEqualTo(Category.MISMATCH);
                assertThat(v.message()).startsWith("module's signature does not verify, so it was changed after "
                        + "signing: entry plugin.properties: ").contains("digest error");
            });
        }
    }

    @Nested
    class Signers {
        @Test
        void the_certificate_fingerprint_keytool_prints_pins_the_signer() {
            assertThat(violations(signed, "  signers:\n    - certificate: \"" + certificate + "\"\n")).isEmpty();
            assertThat(violations(signed, "  signers:\n    - certificate: \"sha256:" + certificate.toLowerCase()
                    .replace(":", "") + "\"\n")).isEmpty();
        }

        @Test
        void the_public_key_fingerprint_pins_the_signer_across_certificates() {
            assertThat(violations(signed, "  signers:\n    - key: \"sha256:" + key + "\"\n")).isEmpty();
        }

        @Test
        void a_jar_signed_by_another_key_names_its_signer() {
            assertThat(violations(otherKey, "  signers:\n    - certificate: \"" + certificate + "\"\n    - key: \"sha256:"
                    + key + "\"\n")).singleElement().satisfies(v -> {
                assertThat(v.category()).isEqualTo(Category.MISMATCH);
                assertThat(v.subject()).isEqualTo("module.signers");
                assertThat(v.message()).startsWith("module is not signed by a pinned signer; it is signed by CN=Rogue");
                assertThat(v.location().line()).isEqualTo(4);
            });
        }

        @Test
        void pinned_signers_imply_signed() {
            assertThat(violations(addedAfterSigning, "  signers:\n    - key: \"sha256:" + key + "\"\n"))
                    .singleElement().satisfies(v -> assertThat(v.subject()).isEqualTo("module.signed"));
        }
    }

    @Nested
    class RealSignedJar {
        @Test
        void bouncy_castle_from_maven_central_is_signed_by_the_certificate_keytool_reports() throws Exception {
            Path bcprov = jarOf(org.bouncycastle.jce.provider.BouncyCastleProvider.class);
            String pinned = fingerprint(tool("keytool", "-printcert", "-jarfile", bcprov.toString()));
            assertThat(violations(bcprov, "  signed: true\n  signers:\n    - certificate: \"" + pinned + "\"\n"))
                    .isEmpty();
            assertThat(violations(bcprov, "  signers:\n    - certificate: \"" + certificate + "\"\n"))
                    .singleElement().satisfies(v -> assertThat(v.message()).contains("Bouncy Castle"));
        }
    }
}
