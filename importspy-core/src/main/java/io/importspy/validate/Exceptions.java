package io.importspy.validate;

import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.ModuleFacts;
import io.importspy.java.JavaType;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a declared exception class is a subclass of a listed one, through the facts read and, for the
 * JDK's common exception classes (rarely read, since nothing names them), through the superclasses the Java
 * SE API fixes. A {@code java.*} class (only the platform may define one) never extends a class outside them.
 */
final class Exceptions {
    private static final String OBJECT = "java.lang.Object";
    private static final Map<String, String> JDK = Map.ofEntries(
            Map.entry("java.lang.Throwable", OBJECT),
            Map.entry("java.lang.Exception", "java.lang.Throwable"),
            Map.entry("java.lang.Error", "java.lang.Throwable"),
            Map.entry("java.lang.RuntimeException", "java.lang.Exception"),
            Map.entry("java.lang.ReflectiveOperationException", "java.lang.Exception"),
            Map.entry("java.lang.ClassNotFoundException", "java.lang.ReflectiveOperationException"),
            Map.entry("java.lang.InterruptedException", "java.lang.Exception"),
            Map.entry("java.lang.CloneNotSupportedException", "java.lang.Exception"),
            Map.entry("java.lang.IllegalArgumentException", "java.lang.RuntimeException"),
            Map.entry("java.lang.IllegalStateException", "java.lang.RuntimeException"),
            Map.entry("java.lang.UnsupportedOperationException", "java.lang.RuntimeException"),
            Map.entry("java.lang.NullPointerException", "java.lang.RuntimeException"),
            Map.entry("java.io.IOException", "java.lang.Exception"),
            Map.entry("java.io.FileNotFoundException", "java.io.IOException"),
            Map.entry("java.io.UncheckedIOException", "java.lang.RuntimeException"),
            Map.entry("java.sql.SQLException", "java.lang.Exception"),
            Map.entry("java.net.URISyntaxException", "java.lang.Exception"),
            Map.entry("java.util.concurrent.ExecutionException", "java.lang.Exception"),
            Map.entry("java.util.concurrent.TimeoutException", "java.lang.Exception"),
            Map.entry("java.security.GeneralSecurityException", "java.lang.Exception"));

    private Exceptions() {
    }

    /**
     * Whether a superclass of the class {@code name} matches {@code listed}; a class whose superclass could
     * not be read ends the walk unanswered and is added to {@code unread}.
     */
    static boolean isSubclass(String name, JavaType listed, ModuleFacts module, List<String> unread) {
        Set<String> seen = new HashSet<>();
        String current = name;
        while (seen.add(current) && !OBJECT.equals(current)) {
            Optional<ClassFacts> facts = module.anyClass(current);
            Optional<String> superclass;
            if (facts.isPresent()) {
                superclass = facts.get().superclass();
            } else if (JDK.containsKey(current)) {
                superclass = Optional.of(JDK.get(current));
            } else if (jdk(current) && !jdk(listed.name()) && listed.name().indexOf('.') > 0) {
                return false;
            } else {
                unread.add(current);
                return false;
            }
            if (superclass.isEmpty()) {
                return false;
            }
            if (TypeMatcher.nameMatches(listed.name(), superclass.get())) {
                return true;
            }
            current = superclass.get();
        }
        return false;
    }

    private static boolean jdk(String name) {
        return name.startsWith("java.");
    }
}
