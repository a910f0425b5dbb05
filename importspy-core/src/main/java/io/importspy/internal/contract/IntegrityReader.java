package io.importspy.internal.contract;

import io.importspy.internal.contract.IntegritySpec.Digest;
import io.importspy.internal.contract.IntegritySpec.Fingerprint;
import io.importspy.internal.contract.IntegritySpec.Subject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads the integrity keys of {@code module:}: {@code digest}, {@code signed} and {@code signers}. */
final class IntegrityReader {
    static final List<String> KEYS = List.of("digest", "signed", "signers");
    static final List<String> SIGNER_KEYS = List.of("certificate", "key");
    /** Digest algorithms, to the length of their hex digests. */
    private static final Map<String, Integer> ALGORITHMS = Map.of("sha256", 64, "sha512", 128);

    private final NodeReader nodes;
    private final Problems problems;

    IntegrityReader(NodeReader nodes) {
        this.nodes = nodes;
        this.problems = nodes.problems();
    }

    IntegritySpec integrity(Section module) {
        Optional<Located<Digest>> digest = module.get("digest").flatMap(n -> nodes.text(n, "digest")).flatMap(this::digest);
        Optional<Located<Boolean>> signed = module.get("signed").flatMap(this::signed);
        List<Located<Fingerprint>> signers = module.get("signers").map(this::signers).orElse(List.of());
        return new IntegritySpec(digest, signed, signers);
    }

    private Optional<Located<Digest>> digest(Located<String> text) {
        String value = text.value();
        int colon = value.indexOf(':');
        if (colon < 0) {
            problems.add(text.location(), "'digest' must name its algorithm, as in \"sha256:" + abbreviate(value)
                    + "\"; `sha256sum` or `importspy inspect --pin` print the digest");
            return Optional.empty();
        }
        String algorithm = value.substring(0, colon).strip().toLowerCase(Locale.ROOT).replace("-", "");
        if (!ALGORITHMS.containsKey(algorithm)) {
            problems.add(text.location(), "unknown digest algorithm '" + value.substring(0, colon) + "'"
                    + Problems.suggestion(algorithm, ALGORITHMS.keySet().stream().sorted().toList(),
                    "write sha256: or sha512:"));
            return Optional.empty();
        }
        return hex(value.substring(colon + 1), ALGORITHMS.get(algorithm), "'digest' " + algorithm, text)
                .map(hex -> new Located<>(new Digest(algorithm, hex), text.location()));
    }

    /** Hex of {@code length} digits, colons and spaces ignored, or an error. */
    private Optional<String> hex(String written, int length, String what, Located<String> text) {
        String hex = written.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                problems.add(text.location(), what + " must be hexadecimal, but has '" + c + "'");
                return Optional.empty();
            }
        }
        if (hex.length() != length) {
            problems.add(text.location(), what + " has " + hex.length() + " hex digits; a " + what.replaceAll(".* ", "")
                    + " digest has " + length);
            return Optional.empty();
        }
        return Optional.of(hex);
    }

    private Optional<Located<Boolean>> signed(YamlNode node) {
        if (node instanceof YamlNode.Scalar scalar && scalar.value() instanceof Boolean value && !scalar.quoted()) {
            return Optional.of(new Located<>(value, node.location()));
        }
        nodes.wrongShape(node, "signed", "true or false");
        return Optional.empty();
    }

    private List<Located<Fingerprint>> signers(YamlNode node) {
        List<Located<Fingerprint>> signers = new ArrayList<>();
        nodes.sequence(node, "signers", "a list such as [{certificate: \"sha256:AB12...\"}]").ifPresent(items -> {
            if (items.isEmpty()) {
                problems.add(node.location(), "'signers' is empty; pin at least one {certificate: ...} or {key: ...},"
                        + " or remove the key");
            }
            for (YamlNode item : items) {
                if (!(item instanceof YamlNode.Mapping mapping)) {
                    problems.add(item.location(), "'signers' entries must be {certificate: \"sha256:...\"} or "
                            + "{key: \"sha256:...\"}, not " + item.describe());
                    continue;
                }
                Section section = Section.open(mapping, "signer", SIGNER_KEYS, problems);
                if (section.has("certificate") == section.has("key")) {
                    problems.add(item.location(), "a 'signers' entry pins either 'certificate' or 'key', one of them");
                    continue;
                }
                Subject subject = section.has("certificate") ? Subject.CERTIFICATE : Subject.KEY;
                section.get(subject.keyword()).flatMap(n -> nodes.text(n, subject.keyword())).ifPresent(text -> {
                    String value = text.value();
                    String lower = value.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("sha256:")) {
                        value = value.substring(7);
                    } else if (lower.matches("[a-z0-9-]+:.*") && !lower.matches("[0-9a-f]{2}:.*")) {
                        problems.add(text.location(), "signer fingerprints are SHA-256; write \"sha256:...\", not '"
                                + value.substring(0, value.indexOf(':')) + ":'");
                        return;
                    }
                    hex(value, 64, "'" + subject.keyword() + "' sha256", text).ifPresent(hex ->
                            signers.add(new Located<>(new Fingerprint(subject, hex), text.location())));
                });
            }
        });
        return signers;
    }

    private static String abbreviate(String hex) {
        return hex.length() > 12 ? hex.substring(0, 12) + "..." : hex;
    }
}
