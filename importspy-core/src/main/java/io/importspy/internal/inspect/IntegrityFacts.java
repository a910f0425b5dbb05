package io.importspy.internal.inspect;

import io.importspy.API;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import static io.importspy.API.Status.INTERNAL;

/**
 * What a module's bytes say about their own integrity: digests of the file, and what the JDK's JAR
 * verification ({@code java.util.jar}, as {@code jarsigner -verify -strict} uses it) found about its signatures.
 *
 * @param file      whether the module is a file (a JAR); a class directory has no digest and no signatures
 * @param digests   lower-case hex digest of the file's bytes by algorithm ({@code sha256}, {@code sha512}), for
 *                  the algorithms that were asked for; empty for a class directory
 * @param signature what signature verification found; empty when it was not asked for
 */
@API(status = INTERNAL, since = "0.1.0")
public record IntegrityFacts(boolean file, Map<String, String> digests, Optional<SignatureFacts> signature) {
    public IntegrityFacts {
        digests = Map.copyOf(new TreeMap<>(digests));
        Objects.requireNonNull(signature, "signature");
    }

    /** How a JAR's signatures stand. */
    public enum Status {
        /** No entry is signed. */
        UNSIGNED,
        /** Every entry but the signature files is signed, and every digest matches. */
        SIGNED,
        /** Some entries are signed, others are not (added after signing, or left out). */
        PARTIALLY_SIGNED,
        /** A signature or an entry's digest does not verify: the JAR was changed after signing. */
        INVALID,
        /** The module is a class directory: it has no signatures. */
        NOT_A_JAR
    }

    /**
     * The verdict of signature verification.
     *
     * @param status   the overall state
     * @param signers  the signers that signed every entry (empty unless {@link Status#SIGNED})
     * @param unsigned names of the entries no signer signed, in archive order (at most
     *                 {@value #MAX_LISTED}; {@code unsignedCount} tells how many there are)
     * @param unsignedCount how many entries no signer signed
     * @param problem  for {@link Status#INVALID}: what the JDK's verification refused, one line
     */
    public record SignatureFacts(Status status, List<SignerFacts> signers, List<String> unsigned, int unsignedCount,
                                 Optional<String> problem) {
        /** How many unsigned entry names are kept. */
        public static final int MAX_LISTED = 20;

        public SignatureFacts {
            Objects.requireNonNull(status, "status");
            signers = List.copyOf(signers);
            unsigned = List.copyOf(unsigned);
            Objects.requireNonNull(problem, "problem");
        }
    }

    /**
     * One signer, identified as {@code module.signers} pins it.
     *
     * @param certificate lower-case hex SHA-256 of the signer certificate's DER encoding (the first of its chain)
     * @param key         lower-case hex SHA-256 of its public key (SubjectPublicKeyInfo)
     * @param subject     the certificate's subject, for people
     */
    public record SignerFacts(String certificate, String key, String subject) {
        public SignerFacts {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(subject, "subject");
        }
    }
}
