package io.importspy.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The floor of an audit that reads every class: on one thread, open each JAR named on the command line and
 * inflate every {@code .class} entry fully, nothing else. Prints the JARs, class entries and class bytes read.
 * Depends on nothing, so {@code bench/audit.sh} compiles and runs it alone with {@code javac} and {@code java}.
 */
public final class RawReadMain {
    private RawReadMain() {
    }

    public static void main(String[] args) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long bytes = 0;
        long classes = 0;
        for (String jar : args) {
            try (ZipFile zip = new ZipFile(Path.of(jar).toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    if (!entry.isDirectory() && entry.getName().endsWith(".class")) {
                        classes++;
                        try (InputStream in = zip.getInputStream(entry)) {
                            for (int n; (n = in.read(buffer)) > 0; ) {
                                bytes += n;
                            }
                        }
                    }
                }
            }
        }
        System.out.println(args.length + " jars, " + classes + " classes, " + bytes + " class bytes");
    }
}
