package io.importspy.internal.java;

import io.importspy.API;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import static io.importspy.API.Status.INTERNAL;

/**
 * Paths as they really are on disk, for decisions by path (a policy's globs, the JDK's home): symbolic links and
 * {@code ..} are resolved by the file system, never by spelling, so that {@code plugins/link/../x.jar} or a link
 * inside an allowed directory is judged as the file it reaches.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class RealPaths {
    private RealPaths() {
    }

    /**
     * The real path of {@code path}; for a path that does not exist (yet), the real path of its nearest existing
     * ancestor followed by the rest as written (normalized).
     */
    public static Path of(Path path) {
        Path absolute = path.toAbsolutePath();
        try {
            return absolute.toRealPath();
        } catch (IOException | SecurityException missing) {
            // resolve what exists; what does not cannot be a link
        }
        Path existing = absolute;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute.normalize();
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException | SecurityException unreadable) {
            return absolute.normalize();
        }
    }

    /**
     * An absolute path glob ({@code /} separators) with its literal leading directories made real, as the paths
     * it is matched with are: {@code /opt/app/plugins/*.jar} where {@code /opt/app} links elsewhere, and
     * {@code /etc/app/../lib/*.jar} as the directory that {@code ..} really reaches.
     */
    public static String glob(String absoluteGlob) {
        int wild = firstWildcard(absoluteGlob);
        int cut = absoluteGlob.lastIndexOf('/', wild < 0 ? absoluteGlob.length() : wild);
        if (cut <= 0 || absoluteGlob.startsWith("**")) {
            return absoluteGlob;
        }
        String directory = absoluteGlob.substring(0, cut);
        try {
            String real = of(Path.of(directory)).toString().replace('\\', '/');
            return real + absoluteGlob.substring(cut);
        } catch (RuntimeException invalid) {
            return absoluteGlob;
        }
    }

    private static int firstWildcard(String glob) {
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return i;
            }
        }
        return -1;
    }
}
