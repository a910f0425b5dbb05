package io.importspy.internal.inspect;

import io.importspy.API;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import static io.importspy.API.Status.INTERNAL;

/**
 * The references of a module's classes that a {@link ReferenceQuery} asked about: each forbidden one,
 * each outside the allowed ones, and each member reference whose declaring class could not be found.
 * One entry per referencing class, referencing member and referenced target, at its first source line.
 *
 * @param references  what was found, by referencing class in archive order
 * @param classesRead how many class files were scanned
 */
@API(status = INTERNAL, since = "0.1.0")
public record ReferenceFacts(List<Reference> references, int classesRead) {
    public ReferenceFacts {
        references = List.copyOf(references);
    }

    /** Why a reference is reported. */
    public enum Breach {
        /** It matches a {@code forbid} pattern. */
        FORBIDDEN,
        /** {@code allow} is given, and no allowed pattern, nor the module itself, nor {@code Object} covers it. */
        NOT_ALLOWED,
        /** A member reference whose declaring class cannot be told: a class of its hierarchy was not found. */
        UNRESOLVED
    }

    /**
     * One reported reference.
     *
     * @param breach      why it is reported
     * @param fromClass   binary name of the referencing class
     * @param fromMember  the referencing method ({@code greet(java.lang.String)}), constructor ({@code <init>()}),
     *                    field, or empty for the class's own declaration (supertypes, annotations, signature)
     * @param sourceFile  the referencing class's SourceFile attribute, when present
     * @param line        the first source line of the reference in {@code fromMember}, where the bytecode records one
     * @param targetClass binary name of the referenced class, or of the class declaring the referenced member
     *                    (for {@link Breach#UNRESOLVED}: the class the reference names)
     * @param member      the referenced member's name, for a member reference
     * @param parameters  the referenced method's erased parameter types ({@code int}, {@code java.lang.String[]});
     *                    empty for a field or a class
     * @param field       whether the referenced member is a field
     * @param missing     for {@link Breach#UNRESOLVED}: binary name of the class that was not found
     */
    public record Reference(Breach breach, String fromClass, Optional<String> fromMember, Optional<String> sourceFile,
                            OptionalInt line, String targetClass, Optional<String> member, List<String> parameters,
                            boolean field, Optional<String> missing) {
        public Reference {
            Objects.requireNonNull(breach, "breach");
            Objects.requireNonNull(fromClass, "fromClass");
            Objects.requireNonNull(fromMember, "fromMember");
            Objects.requireNonNull(sourceFile, "sourceFile");
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(targetClass, "targetClass");
            Objects.requireNonNull(member, "member");
            parameters = List.copyOf(parameters);
            Objects.requireNonNull(missing, "missing");
        }

        /** This reference, reported as unresolved because {@code missingClass} was not found. */
        public Reference withMissing(String missingClass) {
            return new Reference(breach, fromClass, fromMember, sourceFile, line, targetClass, member, parameters, field,
                    Optional.of(missingClass));
        }

        /** The referenced target as a pattern would name it: {@code sun.misc.Unsafe}, {@code java.lang.System#exit(int)}. */
        public String target() {
            if (member.isEmpty()) {
                return targetClass;
            }
            return targetClass + "#" + member.get() + (field ? "" : "(" + String.join(", ", parameters) + ")");
        }

        /** Where the reference is made: {@code com.acme.Plugin#run() (Plugin.java:14)}. */
        public String origin() {
            String where = fromClass + fromMember.map(m -> "#" + m).orElse("");
            if (line.isPresent()) {
                where += " (" + sourceFile.orElse(fromClass.substring(fromClass.lastIndexOf('.') + 1) + ".class")
                        + ":" + line.getAsInt() + ")";
            }
            return where;
        }
    }
}
