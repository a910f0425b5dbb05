package io.importspy.internal.inspect;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The declarations of one class that reference resolution (JVMS 5.4.3) needs: its access flags, direct
 * supertypes and declared members. The members are kept as read; their lookup tables ({@link #methods()},
 * {@link #fields()}) are built when resolution first asks, which for most classes of a module is never.
 * Thread-safe: the tables are built at most once per thread that races to them, and equal.
 */
final class ClassMembers {
    static final int ACC_INTERFACE = 0x0200;

    private final String name;
    private final int access;
    private final String superName;
    private final String[] interfaces;
    private final String[] methodNames;
    private final String[] methodDescriptors;
    private final int[] methodAccess;
    private final String[] fieldNames;
    private final String[] fieldDescriptors;
    private volatile Map<String, Integer> methods;
    private volatile Set<String> fields;

    /**
     * @param name       internal name ({@code java/lang/Thread})
     * @param access     class access flags
     * @param superName  internal name of the superclass; {@code null} for {@code java/lang/Object}
     * @param interfaces internal names of the direct superinterfaces
     */
    ClassMembers(String name, int access, String superName, String[] interfaces, String[] methodNames,
                 String[] methodDescriptors, int[] methodAccess, String[] fieldNames, String[] fieldDescriptors) {
        this.name = name;
        this.access = access;
        this.superName = superName;
        this.interfaces = interfaces;
        this.methodNames = methodNames;
        this.methodDescriptors = methodDescriptors;
        this.methodAccess = methodAccess;
        this.fieldNames = fieldNames;
        this.fieldDescriptors = fieldDescriptors;
    }

    String name() {
        return name;
    }

    int access() {
        return access;
    }

    String superName() {
        return superName;
    }

    String[] interfaces() {
        return interfaces;
    }

    boolean isInterface() {
        return (access & ACC_INTERFACE) != 0;
    }

    /** The declared methods, keyed {@code name + descriptor} ({@code exit(I)V}), to their access flags. */
    Map<String, Integer> methods() {
        Map<String, Integer> table = methods;
        if (table == null) {
            table = new HashMap<>(methodNames.length * 2);
            for (int i = 0; i < methodNames.length; i++) {
                table.put(methodNames[i] + methodDescriptors[i], methodAccess[i]);
            }
            methods = table;
        }
        return table;
    }

    /** The declared fields, keyed {@code name + ':' + descriptor}. */
    Set<String> fields() {
        Set<String> table = fields;
        if (table == null) {
            table = new HashSet<>(fieldNames.length * 2);
            for (int i = 0; i < fieldNames.length; i++) {
                table.add(fieldNames[i] + ':' + fieldDescriptors[i]);
            }
            fields = table;
        }
        return table;
    }
}
