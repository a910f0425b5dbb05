package io.importspy.internal.java;

import io.importspy.API;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.importspy.API.Status.INTERNAL;

/**
 * Normalized names of operating systems and CPU architectures, shared by contracts and runtime facts.
 *
 * <p>Contracts and recorded runtimes use the canonical names ({@code linux}, {@code macos},
 * {@code x86_64}, {@code aarch64}, ...); the aliases the JVM reports in {@code os.name} and
 * {@code os.arch} ({@code Mac OS X}, {@code amd64}, {@code arm64}, ...) normalize to them.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class Platforms {
    private static final Map<String, String> ARCH_ALIASES = new LinkedHashMap<>();
    private static final Map<String, String> OS_ALIASES = new LinkedHashMap<>();

    static {
        alias(ARCH_ALIASES, "x86_64", "x86_64", "amd64", "x64", "x86-64", "em64t");
        alias(ARCH_ALIASES, "aarch64", "aarch64", "arm64");
        alias(ARCH_ALIASES, "x86", "x86", "i386", "i486", "i586", "i686", "ia32");
        alias(ARCH_ALIASES, "arm", "arm", "arm32", "armv7", "armv7l", "armhf", "aarch32");
        alias(ARCH_ALIASES, "ppc64le", "ppc64le");
        alias(ARCH_ALIASES, "ppc64", "ppc64");
        alias(ARCH_ALIASES, "s390x", "s390x");
        alias(ARCH_ALIASES, "riscv64", "riscv64");
        alias(ARCH_ALIASES, "loongarch64", "loongarch64");

        alias(OS_ALIASES, "linux", "linux");
        alias(OS_ALIASES, "macos", "macos", "mac os x", "mac os", "darwin", "osx", "os x");
        alias(OS_ALIASES, "windows", "windows", "win32", "win");
        alias(OS_ALIASES, "freebsd", "freebsd");
        alias(OS_ALIASES, "openbsd", "openbsd");
        alias(OS_ALIASES, "netbsd", "netbsd");
        alias(OS_ALIASES, "solaris", "solaris", "sunos");
        alias(OS_ALIASES, "aix", "aix");
    }

    private Platforms() {
    }

    private static void alias(Map<String, String> table, String canonical, String... aliases) {
        for (String alias : aliases) {
            table.put(alias, canonical);
        }
    }

    /** Canonical architecture names a contract may use. */
    public static Set<String> architectures() {
        return Set.copyOf(ARCH_ALIASES.values());
    }

    /** Canonical operating-system names a contract may use. */
    public static Set<String> operatingSystems() {
        return Set.copyOf(OS_ALIASES.values());
    }

    /** The canonical name of an architecture spelled {@code name} (any alias, any case), if known. */
    public static Optional<String> normalizeArch(String name) {
        return Optional.ofNullable(ARCH_ALIASES.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    /**
     * The canonical name of an operating system spelled {@code name}, if known. Windows versions
     * ({@code Windows 11}, {@code Windows Server 2022}) normalize to {@code windows}.
     */
    public static Optional<String> normalizeOs(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (key.startsWith("windows")) {
            return Optional.of("windows");
        }
        return Optional.ofNullable(OS_ALIASES.get(key));
    }
}
