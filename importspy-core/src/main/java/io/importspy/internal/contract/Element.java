package io.importspy.internal.contract;

import io.importspy.java.Modifier;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** An element that modifiers are written on, with the modifiers Java allows on it. */
enum Element {
    CLASS("a class", EnumSet.of(Modifier.PUBLIC, Modifier.PROTECTED, Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL, Modifier.ABSTRACT, Modifier.SEALED, Modifier.NON_SEALED, Modifier.STRICTFP)),
    FIELD("a field", EnumSet.of(Modifier.PUBLIC, Modifier.PROTECTED, Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL, Modifier.TRANSIENT, Modifier.VOLATILE)),
    METHOD("a method", EnumSet.of(Modifier.PUBLIC, Modifier.PROTECTED, Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL, Modifier.ABSTRACT, Modifier.DEFAULT, Modifier.SYNCHRONIZED, Modifier.NATIVE,
            Modifier.STRICTFP)),
    CONSTRUCTOR("a constructor", EnumSet.of(Modifier.PUBLIC, Modifier.PROTECTED, Modifier.PRIVATE));

    private final String noun;
    private final Set<Modifier> allowed;

    Element(String noun, Set<Modifier> allowed) {
        this.noun = noun;
        this.allowed = allowed;
    }

    /** "a class", "a field", "a method" or "a constructor". */
    String noun() {
        return noun;
    }

    /** Whether Java allows {@code modifier} on this element. */
    boolean allows(Modifier modifier) {
        return allowed.contains(modifier);
    }

    /** "a class may be public, protected, ... or strictfp". */
    String allowedText() {
        List<String> words = allowed.stream().map(Modifier::keyword).collect(Collectors.toList());
        return noun + " may be " + String.join(", ", words.subList(0, words.size() - 1)) + " or "
                + words.get(words.size() - 1);
    }
}
