package io.importspy.internal.inspect;

import java.util.Map;
import java.util.Set;

/**
 * The declarations of one class that reference resolution (JVMS 5.4.3) needs: its access flags, direct
 * supertypes and declared members, keyed as {@code name + descriptor} for methods ({@code exit(I)V}) and
 * {@code name + ':' + descriptor} for fields.
 *
 * @param name       internal name ({@code java/lang/Thread})
 * @param access     class access flags
 * @param superName  internal name of the superclass; {@code null} for {@code java/lang/Object}
 * @param interfaces internal names of the direct superinterfaces
 * @param methods    declared methods to their access flags
 * @param fields     declared fields
 */
record ClassMembers(String name, int access, String superName, String[] interfaces, Map<String, Integer> methods,
                    Set<String> fields) {
    static final int ACC_INTERFACE = 0x0200;

    boolean isInterface() {
        return (access & ACC_INTERFACE) != 0;
    }
}
