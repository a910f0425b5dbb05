package io.importspy.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The raw read of a JAR: open it, inflate every {@code .class} entry fully into memory, and nothing else. */
final class JarRead {
    private JarRead() {
    }

    /** Inflates every class entry into one reused buffer; returns the number of bytes inflated. */
    static long inflateAllClasses(Path jar) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().endsWith(".class")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        int n;
                        while ((n = in.read(buffer)) > 0) {
                            total += n;
                        }
                    }
                }
            }
        }
        return total;
    }

    /**
     * The least number of classes a tool must report for {@code jar} to count as having read it all: 90%
     * of its class entries outside META-INF (tools differ on module-info, package-info and duplicates).
     */
    static int expectedClasses(Path jar) throws IOException {
        int count = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                    count++;
                }
            }
        }
        return count * 9 / 10;
    }

    /** Returns {@code count}, or fails when a tool read fewer classes than {@code expected}: a benchmark of nothing. */
    static int checked(String tool, Path jar, int count, int expected) {
        if (count < expected) {
            throw new IllegalStateException(tool + " read " + count + " classes of " + jar + ", expected at least "
                    + expected);
        }
        return count;
    }

    /** Calls {@code action} with the full bytes of every class entry, in archive order. */
    static int forEachClass(Path jar, ClassBytesConsumer action) throws IOException {
        int count = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().endsWith(".class")) {
                    byte[] bytes;
                    try (InputStream in = zip.getInputStream(entry)) {
                        bytes = in.readAllBytes();
                    }
                    action.accept(entry.getName(), bytes);
                    count++;
                }
            }
        }
        return count;
    }

    /** Receives one class entry. */
    interface ClassBytesConsumer {
        void accept(String entryName, byte[] bytes);
    }
}
