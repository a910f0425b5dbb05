package io.importspy.internal.inspect;

import io.importspy.internal.java.ReferencePattern;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Which referenced types a {@link ReferenceQuery} could report, each name judged by the patterns once per check:
 * a type a forbidden class pattern matches, and, with an {@code allow} list, a type outside it (other than
 * {@code java.lang.Object}; whether the module declares it is left to the verdict). A constant-pool scan keeps
 * only these (most of a module's references are to types no pattern can report). Thread-safe.
 */
final class TypeCandidates implements Predicate<String> {
    private static final String OBJECT = "java/lang/Object";
    private static final byte FORBIDDEN = 1;
    private static final byte OUTSIDE_ALLOW = 2;
    private static final Byte[] JUDGMENTS = {(byte) 0, FORBIDDEN, OUTSIDE_ALLOW, FORBIDDEN | OUTSIDE_ALLOW};

    private final ReferenceQuery query;
    private final Map<String, Byte> judged = new ConcurrentHashMap<>();

    TypeCandidates(ReferenceQuery query) {
        this.query = query;
    }

    /** Whether the type {@code internalName} may be reported: forbidden, or outside the {@code allow} list. */
    @Override
    public boolean test(String internalName) {
        return judgment(internalName) != 0;
    }

    /** Whether a forbidden class pattern matches the type {@code internalName}. */
    boolean forbidden(String internalName) {
        return (judgment(internalName) & FORBIDDEN) != 0;
    }

    /** Whether the type {@code internalName} is neither {@code java.lang.Object} nor named by an {@code allow} pattern. */
    boolean outsideAllow(String internalName) {
        return (judgment(internalName) & OUTSIDE_ALLOW) != 0;
    }

    private int judgment(String internalName) {
        Byte known = judged.get(internalName);
        if (known == null) {
            known = JUDGMENTS[judge(internalName)];
            judged.put(internalName, known);
        }
        return known;
    }

    private int judge(String internalName) {
        String name = Signatures.binaryName(internalName);
        int judgment = 0;
        for (ReferencePattern pattern : query.forbid()) {
            if (pattern.matchesClass(name)) {
                judgment = FORBIDDEN;
                break;
            }
        }
        if (query.allow().isPresent() && !OBJECT.equals(internalName)) {
            boolean allowed = false;
            for (ReferencePattern pattern : query.allow().get()) {
                if (pattern.matchesOwner(name)) {
                    allowed = true;
                    break;
                }
            }
            if (!allowed) {
                judgment |= OUTSIDE_ALLOW;
            }
        }
        return judgment;
    }
}
