package io.importspy.internal.inspect;

import io.importspy.internal.inspect.IntegrityFacts.SignatureFacts;
import io.importspy.internal.inspect.IntegrityFacts.SignerFacts;
import io.importspy.internal.inspect.IntegrityFacts.Status;
import io.importspy.inspect.InspectionException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipException;

/**
 * Digests a module file and verifies its JAR signatures with the JDK's own {@link JarFile} verification:
 * every entry is read in full (which is when the JDK checks its digest against the signed manifest) and its
 * {@link CodeSigner}s are taken, as {@code jarsigner -verify -strict} does. No cryptography is written here.
 * The file digest is computed on a second thread while the entries are verified.
 */
final class JarIntegrity {
    /** Digest algorithms a contract may name, to their JDK names. */
    static final Map<String, String> ALGORITHMS = Map.of("sha256", "SHA-256", "sha512", "SHA-512");

    private JarIntegrity() {
    }

    /**
     * The integrity facts of {@code file}.
     *
     * @param algorithms digest algorithms to compute ({@code sha256}, {@code sha512})
     * @param signatures whether to verify signatures
     * @param label      how errors name the file
     * @throws InspectionException when the file cannot be read
     */
    static IntegrityFacts read(Path file, Set<String> algorithms, boolean signatures, String label) {
        if (Files.isDirectory(file)) {
            return new IntegrityFacts(false, Map.of(), signatures ? Optional.of(new SignatureFacts(Status.NOT_A_JAR,
                    List.of(), List.of(), 0, Optional.empty())) : Optional.empty());
        }
        if (algorithms.isEmpty()) {
            return new IntegrityFacts(true, Map.of(), signatures ? Optional.of(verify(file, label)) : Optional.empty());
        }
        CompletableFuture<Map<String, String>> digests = CompletableFuture.supplyAsync(() -> digest(file, algorithms, label));
        Optional<SignatureFacts> verified = signatures ? Optional.of(verify(file, label)) : Optional.empty();
        try {
            return new IntegrityFacts(true, digests.join(), verified);
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    /** The hex digests of the file's bytes, read once for every algorithm. */
    static Map<String, String> digest(Path file, Set<String> algorithms, String label) {
        Map<String, MessageDigest> digests = new LinkedHashMap<>();
        for (String algorithm : algorithms) {
            try {
                digests.put(algorithm, MessageDigest.getInstance(ALGORITHMS.get(algorithm)));
            } catch (NoSuchAlgorithmException | NullPointerException unknown) {
                throw new IllegalArgumentException("unknown digest algorithm " + algorithm, unknown);
            }
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (MessageDigest digest : digests.values()) {
                    digest.update(buffer, 0, n);
                }
            }
        } catch (IOException unreadable) {
            throw new InspectionException(label + ": cannot be read (" + unreadable.getMessage() + ")", unreadable);
        }
        Map<String, String> hex = new LinkedHashMap<>();
        digests.forEach((algorithm, digest) -> hex.put(algorithm, HexFormat.of().formatHex(digest.digest())));
        return hex;
    }

    /** Verifies every entry's signature, reading each entry in full; each signer's certificate is read once. */
    static SignatureFacts verify(Path file, String label) {
        List<String> unsigned = new ArrayList<>();
        int unsignedCount = 0;
        int signedCount = 0;
        Map<String, SignerFacts> common = null; // signers that signed every entry so far, by certificate
        Map<CodeSigner, Optional<SignerFacts>> known = new java.util.IdentityHashMap<>(); // each signer read once
        CodeSigner[] previous = null;
        byte[] buffer = new byte[1 << 16];
        String current = null;
        try (JarFile jar = new JarFile(file.toFile(), true)) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                current = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    while (in.read(buffer) >= 0) {
                        // reading to the end is what makes the JDK check the entry's digest
                    }
                }
                if (isSignatureFile(current)) {
                    continue;
                }
                CodeSigner[] signers = entry.getCodeSigners();
                if (signers == null || signers.length == 0) {
                    unsignedCount++;
                    if (unsigned.size() < SignatureFacts.MAX_LISTED) {
                        unsigned.add(current);
                    }
                    continue;
                }
                signedCount++;
                if (signers == previous) {
                    continue; // the JDK shares one array among the entries of the same signers: nothing changes
                }
                previous = signers;
                Map<String, SignerFacts> these = new LinkedHashMap<>();
                for (CodeSigner signer : signers) {
                    known.computeIfAbsent(signer, JarIntegrity::signer).ifPresent(s -> these.put(s.certificate(), s));
                }
                if (common == null) {
                    common = these;
                } else {
                    common.keySet().retainAll(these.keySet());
                }
            }
        } catch (SecurityException tampered) {
            return new SignatureFacts(Status.INVALID, List.of(), List.of(), 0, Optional.of(
                    (current == null ? "" : "entry " + current + ": ") + tampered.getMessage()));
        } catch (ZipException notZip) {
            throw new InspectionException(label + ": not a readable JAR (" + notZip.getMessage() + ")", notZip);
        } catch (IOException unreadable) {
            throw new InspectionException(label + (current == null ? "" : "!" + current) + ": cannot be read ("
                    + unreadable.getMessage() + ")", unreadable);
        }
        if (signedCount == 0) {
            return new SignatureFacts(Status.UNSIGNED, List.of(), List.of(), 0, Optional.empty());
        }
        if (unsignedCount > 0) {
            return new SignatureFacts(Status.PARTIALLY_SIGNED, List.of(), unsigned, unsignedCount, Optional.empty());
        }
        return new SignatureFacts(Status.SIGNED, List.copyOf(common.values()), List.of(), 0, Optional.empty());
    }

    private static Optional<SignerFacts> signer(CodeSigner signer) {
        List<? extends Certificate> chain = signer.getSignerCertPath().getCertificates();
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        Certificate certificate = chain.get(0);
        try {
            String subject = certificate instanceof X509Certificate x509
                    ? x509.getSubjectX500Principal().getName() : certificate.getType();
            return Optional.of(new SignerFacts(sha256(certificate.getEncoded()),
                    sha256(certificate.getPublicKey().getEncoded()), subject));
        } catch (CertificateEncodingException unencodable) {
            return Optional.empty();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    /**
     * Whether {@code name} is one of the files signing consists of, which no signature covers: the manifest
     * and the {@code .SF}, block ({@code .RSA}, {@code .DSA}, {@code .EC}) and {@code SIG-*} files directly in
     * {@code META-INF/}.
     */
    static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', 9) >= 0) {
            return false;
        }
        return upper.equals("META-INF/MANIFEST.MF") || upper.endsWith(".SF") || upper.endsWith(".RSA")
                || upper.endsWith(".DSA") || upper.endsWith(".EC") || upper.startsWith("META-INF/SIG-");
    }
}
