package io.importspy.internal.contract;

import io.importspy.API;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import static io.importspy.API.Status.INTERNAL;

/**
 * The integrity keys of {@code module:}: the file's digest, and who must have signed it.
 *
 * @param digest  the digest the module file must have
 * @param signed  whether every entry must be signed ({@code jarsigner -verify -strict})
 * @param signers signers of which at least one must have signed every entry (implies {@code signed})
 */
@API(status = INTERNAL, since = "0.1.0")
public record IntegritySpec(Optional<Located<Digest>> digest, Optional<Located<Boolean>> signed,
                            List<Located<Fingerprint>> signers) {
    public IntegritySpec {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(signed, "signed");
        signers = List.copyOf(signers);
    }

    /** No integrity requirement. */
    public static IntegritySpec none() {
        return new IntegritySpec(Optional.empty(), Optional.empty(), List.of());
    }

    /** Whether any key is given. */
    public boolean isEmpty() {
        return digest.isEmpty() && signed.isEmpty() && signers.isEmpty();
    }

    /** Whether signatures must be verified: {@code signed: true} or any signer pinned. */
    public boolean needsSignatures() {
        return !signers.isEmpty() || signed.map(Located::value).orElse(false);
    }

    /**
     * A file digest.
     *
     * @param algorithm {@code sha256} or {@code sha512}
     * @param hex       lower-case hex, without colons
     */
    public record Digest(String algorithm, String hex) {
        public Digest {
            Objects.requireNonNull(algorithm, "algorithm");
            hex = hex.toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return algorithm + ":" + hex;
        }
    }

    /** What a signer fingerprint is taken of. */
    public enum Subject {
        /** The signer certificate's DER encoding. */
        CERTIFICATE,
        /** Its public key (SubjectPublicKeyInfo). */
        KEY;

        /** The contract key: {@code certificate} or {@code key}. */
        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A pinned signer.
     *
     * @param subject what the SHA-256 is of
     * @param hex     lower-case hex SHA-256, without colons
     */
    public record Fingerprint(Subject subject, String hex) {
        public Fingerprint {
            Objects.requireNonNull(subject, "subject");
            hex = hex.toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return subject.keyword() + " sha256:" + hex;
        }
    }
}
