package io.importspy.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and SHA-512 digests of files and texts, written {@code sha256:hex} as contracts write them. */
final class Digests {
    private Digests() {
    }

    /**
     * Starts the JDK's SHA-256 on a daemon thread: its first use initializes the security providers and the
     * digest's byte-array views, milliseconds of interpreted code that an audit otherwise spends before its first
     * target, on the thread that reads its contract.
     */
    static void warmUp() {
        Thread thread = new Thread(new Runnable() {
            @Override
            public void run() {
                of("sha256").digest(new byte[128]);
            }
        }, "importspy-digest-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    static MessageDigest of(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm.equals("sha512") ? "SHA-512" : "SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no " + algorithm, e);
        }
    }

    /** {@code sha256:hex} of {@code file}'s bytes. */
    static String file(Path file) throws IOException {
        MessageDigest sha256 = of("sha256");
        try (InputStream in = Files.newInputStream(file)) {
            update(in, null, sha256, null);
        }
        return text("sha256", sha256);
    }

    /** {@code sha256:hex} of {@code bytes}. */
    static String bytes(byte[] bytes) {
        MessageDigest sha256 = of("sha256");
        sha256.update(bytes);
        return text("sha256", sha256);
    }

    /**
     * Copies {@code in} to {@code out} (when not null), digesting every byte with {@code first} and, when not
     * null, {@code second}: one read of the bytes for the copy and both digests. Returns how many bytes it read.
     */
    static long update(InputStream in, OutputStream out, MessageDigest first, MessageDigest second) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; total += n) {
            first.update(buffer, 0, n);
            if (second != null) {
                second.update(buffer, 0, n);
            }
            if (out != null) {
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    /** {@code algorithm:hex} of what {@code digest} has digested. */
    static String text(String algorithm, MessageDigest digest) {
        return algorithm + ":" + HexFormat.of().formatHex(digest.digest());
    }

    /** {@code sha256:hex} of the UTF-8 text of {@code parts}, each ended by a NUL (so no two lists collide). */
    static String ofTexts(String... parts) {
        MessageDigest sha256 = of("sha256");
        for (String part : parts) {
            sha256.update(part.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
        }
        return text("sha256", sha256);
    }
}
