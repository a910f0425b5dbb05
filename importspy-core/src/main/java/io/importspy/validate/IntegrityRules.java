package io.importspy.validate;

import io.importspy.inspect.ModuleFacts;
import io.importspy.internal.contract.IntegritySpec;
import io.importspy.internal.contract.IntegritySpec.Digest;
import io.importspy.internal.contract.IntegritySpec.Fingerprint;
import io.importspy.internal.contract.Located;
import io.importspy.internal.inspect.IntegrityFacts;
import io.importspy.internal.inspect.IntegrityFacts.SignatureFacts;
import io.importspy.internal.inspect.IntegrityFacts.SignerFacts;
import io.importspy.contract.Location;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The integrity rules of {@code module:}: the file's digest, that every entry is signed and verifies
 * ({@code jarsigner -verify -strict}), and that a pinned signer signed every entry.
 */
final class IntegrityRules implements Rule<IntegritySpec> {
    private static final String REPIN = "importspy inspect --pin";

    @Override
    public Class<IntegritySpec> section() {
        return IntegritySpec.class;
    }

    @Override
    public void check(IntegritySpec spec, Facts facts, Sink sink) {
        check(spec, facts.module(), sink::report);
    }

    static void check(IntegritySpec spec, ModuleFacts module, Consumer<Violation> out) {
        if (spec.isEmpty()) {
            return;
        }
        Optional<IntegrityFacts> facts = module.section(IntegrityFacts.class);
        spec.digest().ifPresent(digest -> checkDigest(digest, facts, out));
        if (spec.needsSignatures()) {
            Location location = spec.signed().filter(Located::value).map(Located::location)
                    .orElseGet(() -> spec.signers().get(0).location());
            checkSignatures(spec, location, facts, out);
        }
    }

    private static void checkDigest(Located<Digest> digest, Optional<IntegrityFacts> facts, Consumer<Violation> out) {
        Digest expected = digest.value();
        if (facts.isEmpty()) {
            out.accept(Violation.unverified(Context.MODULE, "module.digest").expected(expected.toString())
                    .found("<not read>").message("the module's digest is unknown: it was read from live classes, "
                            + "not from a file")
                    .fix("validate the module's JAR (importspy validate, or guarded loading)").at(digest.location()));
            return;
        }
        if (!facts.get().file()) {
            out.accept(Violation.missing(Context.MODULE, "module.digest").expected(expected.toString())
                    .message("module is a class directory, which has no file digest")
                    .fix(Fixes.orRemove("validate the module's JAR", "module.digest")).at(digest.location()));
            return;
        }
        String actual = facts.get().digests().get(expected.algorithm());
        if (!expected.hex().equals(actual)) {
            String found = expected.algorithm() + ":" + actual;
            out.accept(Violation.mismatch(Context.MODULE, "module.digest").expected(expected.toString()).found(found)
                    .message("module file has digest " + found + ", not the pinned " + expected)
                    .fix(Fixes.orChange("use the module file the contract pins", "module.digest (" + REPIN
                            + " prints the digest of this file)"))
                    .at(digest.location()));
        }
    }

    private static void checkSignatures(IntegritySpec spec, Location location, Optional<IntegrityFacts> facts,
                                        Consumer<Violation> out) {
        Optional<SignatureFacts> signature = facts.flatMap(IntegrityFacts::signature);
        String expected = spec.signers().isEmpty() ? "every entry signed"
                : "every entry signed by " + Texts.list(spec.signers().stream().map(s -> s.value().toString()).toList());
        if (signature.isEmpty()) {
            out.accept(Violation.unverified(Context.MODULE, "module.signed").expected(expected).found("<not read>")
                    .message("the module's signatures are unknown: it was read from live classes, not from a JAR")
                    .fix("validate the module's JAR (importspy validate, or guarded loading)").at(location));
            return;
        }
        SignatureFacts found = signature.get();
        switch (found.status()) {
            case NOT_A_JAR -> out.accept(Violation.missing(Context.MODULE, "module.signed").expected(expected)
                    .message("module is a class directory, which cannot be signed")
                    .fix(Fixes.orRemove("validate the module's signed JAR", "module.signed and module.signers"))
                    .at(location));
            case UNSIGNED -> out.accept(Violation.missing(Context.MODULE, "module.signed").expected(expected)
                    .found("unsigned").message("module is not signed")
                    .fix(Fixes.orRemove("sign the JAR (jarsigner)", "module.signed and module.signers"))
                    .at(location));
            case PARTIALLY_SIGNED -> {
                String entries = Texts.list(found.unsigned())
                        + (found.unsignedCount() > found.unsigned().size()
                        ? " and " + (found.unsignedCount() - found.unsigned().size()) + " more" : "");
                out.accept(Violation.mismatch(Context.MODULE, "module.signed").expected(expected)
                        .found(found.unsignedCount() + " unsigned " + (found.unsignedCount() == 1 ? "entry" : "entries")
                                + ": " + entries)
                        .message("module is only partly signed: no signature covers " + entries
                                + " (added or changed after signing?)")
                        .fix("sign the JAR again after its last change, or use the JAR as it was signed")
                        .at(location));
            }
            case INVALID -> out.accept(Violation.mismatch(Context.MODULE, "module.signed").expected(expected)
                    .found("signature does not verify: " + found.problem().orElse("?"))
                    .message("module's signature does not verify, so it was changed after signing: "
                            + found.problem().orElse("?"))
                    .fix("use the JAR as it was signed, or sign it again").at(location));
            case SIGNED -> checkSigners(spec.signers(), found.signers(), out);
        }
    }

    private static void checkSigners(List<Located<Fingerprint>> pinned, List<SignerFacts> signers,
                                     Consumer<Violation> out) {
        if (pinned.isEmpty()) {
            return;
        }
        for (Located<Fingerprint> pin : pinned) {
            for (SignerFacts signer : signers) {
                String hex = pin.value().subject() == IntegritySpec.Subject.CERTIFICATE ? signer.certificate()
                        : signer.key();
                if (hex.equals(pin.value().hex())) {
                    return;
                }
            }
        }
        List<String> found = signers.stream().map(s -> s.subject() + " (certificate sha256:" + s.certificate()
                + ", key sha256:" + s.key() + ")").toList();
        out.accept(Violation.mismatch(Context.MODULE, "module.signers")
                .expected(Texts.list(pinned.stream().map(p -> p.value().toString()).toList()))
                .found(found.isEmpty() ? "no signer signed every entry" : Texts.list(found))
                .message("module is not signed by a pinned signer; " + (found.isEmpty()
                        ? "no one signer signed every entry" : "it is signed by " + Texts.list(found)))
                .fix(Fixes.orChange("sign the JAR with a pinned key", "module.signers (" + REPIN
                        + " prints this JAR's signers)"))
                .at(pinned.get(0).location()));
    }
}
