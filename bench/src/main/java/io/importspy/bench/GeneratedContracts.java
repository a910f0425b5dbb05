package io.importspy.bench;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Contracts of any size generated from a real JAR's class list: {@code n} classes spread evenly over the
 * sorted class names, each with one method it declares (by name, any overload), so the contract is
 * compliant by construction.
 */
final class GeneratedContracts {
    private static final Pattern ANONYMOUS_OR_LOCAL = Pattern.compile(".*\\$[0-9].*");

    private GeneratedContracts() {
    }

    /** The contract text naming {@code n} classes of {@code jar}. */
    static String ofClasses(Path jar, int n) {
        TreeMap<String, Optional<String>> candidates = candidates(jar);
        if (n > candidates.size()) {
            throw new IllegalArgumentException(jar + " has only " + candidates.size() + " named classes, not " + n);
        }
        List<String> names = new ArrayList<>(candidates.keySet());
        StringBuilder yaml = new StringBuilder("importspy: 1\nclasses:\n");
        for (int i = 0; i < n; i++) {
            String name = names.get((int) ((long) i * names.size() / n));
            yaml.append("  - name: \"").append(name).append("\"\n");
            candidates.get(name).ifPresent(method ->
                    yaml.append("    methods:\n      - name: \"").append(method).append("\"\n"));
        }
        return yaml.toString();
    }

    /** The contract resource at {@code name} (under {@code /contracts/}), as text. */
    static String resource(String name) {
        try (InputStream in = GeneratedContracts.class.getResourceAsStream("/contracts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no contract resource /contracts/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every named, non-synthetic class of the JAR, with the first ordinary method it declares, if any. */
    private static TreeMap<String, Optional<String>> candidates(Path jar) {
        TreeMap<String, Optional<String>> result = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String entryName = entry.getName();
                if (!entryName.endsWith(".class") || entryName.startsWith("META-INF/")
                        || entryName.endsWith("module-info.class") || entryName.endsWith("package-info.class")) {
                    continue;
                }
                String binaryName = entryName.substring(0, entryName.length() - ".class".length()).replace('/', '.');
                if (ANONYMOUS_OR_LOCAL.matcher(binaryName).matches()) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    FirstMethod visitor = new FirstMethod();
                    new ClassReader(in.readAllBytes()).accept(visitor, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG);
                    if (!visitor.synthetic) {
                        result.put(binaryName, Optional.ofNullable(visitor.method));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    /** Finds whether a class is synthetic and its first declared ordinary method. */
    private static final class FirstMethod extends ClassVisitor {
        boolean synthetic;
        String method;

        FirstMethod() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            synthetic = (access & Opcodes.ACC_SYNTHETIC) != 0;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            boolean ordinary = (access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) == 0
                    && !name.startsWith("<");
            if (method == null && ordinary) {
                method = name;
            }
            return null;
        }
    }
}
