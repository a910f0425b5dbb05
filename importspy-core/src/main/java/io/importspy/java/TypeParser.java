package io.importspy.java;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Recursive-descent parser for Java source type spelling; see {@link JavaType#parse(String)}. */
final class TypeParser {
    private static final int MAX_DEPTH = 64;

    private final String text;
    private int pos;
    private int depth;

    TypeParser(String text) {
        this.text = text == null ? "" : text;
    }

    JavaType parseWhole() {
        skipSpace();
        if (pos == text.length()) {
            throw error("a type is empty");
        }
        JavaType type = parseType(true);
        skipSpace();
        if (pos != text.length()) {
            throw error("unexpected '" + text.charAt(pos) + "' at position " + (pos + 1));
        }
        return type;
    }

    private JavaType parseType(boolean allowVarargs) {
        if (++depth > MAX_DEPTH) {
            throw error("type arguments are nested too deeply");
        }
        String name = parseName();
        List<TypeArgument> arguments = List.of();
        skipSpace();
        if (peek('<')) {
            arguments = parseArguments();
            skipSpace();
            // Outer<A>.Inner: keep the innermost arguments
            while (peek('.') && !text.startsWith("...", pos)) {
                pos++;
                name = name + "$" + parseName();
                skipSpace();
                arguments = peek('<') ? parseArguments() : List.of();
                skipSpace();
            }
        }
        int dims = 0;
        boolean varargs = false;
        while (true) {
            skipSpace();
            if (text.startsWith("[]", pos)) {
                pos += 2;
                dims++;
            } else if (text.startsWith("[", pos)) {
                pos++;
                skipSpace();
                if (!peek(']')) {
                    throw error("'[' without ']' at position " + pos);
                }
                pos++;
                dims++;
            } else if (text.startsWith("...", pos)) {
                if (!allowVarargs) {
                    throw error("'...' is only allowed on a parameter type");
                }
                pos += 3;
                dims++;
                varargs = true;
                skipSpace();
                break;
            } else {
                break;
            }
        }
        depth--;
        return new JavaType(name, arguments, dims, varargs, false);
    }

    private List<TypeArgument> parseArguments() {
        pos++; // '<'
        List<TypeArgument> arguments = new ArrayList<>();
        while (true) {
            skipSpace();
            arguments.add(parseArgument());
            skipSpace();
            if (peek(',')) {
                pos++;
            } else if (peek('>')) {
                pos++;
                return arguments;
            } else {
                throw error(pos == text.length() ? "'<' is never closed" : "expected ',' or '>' at position " + (pos + 1));
            }
        }
    }

    private TypeArgument parseArgument() {
        if (!peek('?')) {
            return parseType(false);
        }
        pos++;
        skipSpace();
        if (text.startsWith("extends", pos) && boundary(pos + 7)) {
            pos += 7;
            skipSpace();
            return new Wildcard(Wildcard.Variance.EXTENDS, Optional.of(parseType(false)));
        }
        if (text.startsWith("super", pos) && boundary(pos + 5)) {
            pos += 5;
            skipSpace();
            return new Wildcard(Wildcard.Variance.SUPER, Optional.of(parseType(false)));
        }
        return Wildcard.unbounded();
    }

    private String parseName() {
        skipSpace();
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isJavaIdentifierPart(c) && c != 0) {
                pos++;
            } else if (c == '.' && !text.startsWith("...", pos) && pos > start
                    && pos + 1 < text.length() && Character.isJavaIdentifierStart(text.charAt(pos + 1))) {
                pos++;
            } else {
                break;
            }
        }
        if (start == pos) {
            throw error(pos == text.length() ? "a type name is missing at the end"
                    : "expected a type name at position " + (pos + 1) + " but found '" + text.charAt(pos) + "'");
        }
        String name = text.substring(start, pos);
        if (!Character.isJavaIdentifierStart(name.charAt(0))) {
            throw error("'" + name + "' is not a Java type name");
        }
        return name;
    }

    private boolean boundary(int at) {
        return at >= text.length() || !Character.isJavaIdentifierPart(text.charAt(at));
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("invalid type '" + text + "': " + what);
    }
}
