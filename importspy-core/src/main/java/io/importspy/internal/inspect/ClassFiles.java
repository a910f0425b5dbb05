package io.importspy.internal.inspect;

import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.InspectionException;
import io.importspy.inspect.Origin;

import org.objectweb.asm.ClassReader;

/** Reads class-file bytes into {@link ClassFacts}, translating ASM's failures into one-line errors. */
final class ClassFiles {
    private ClassFiles() {
    }

    /**
     * Facts of the class in {@code bytes}; {@code where} names it in errors ({@code plugin.jar!a/B.class}).
     * The bytes are parsed once, by the structural check, and read through the layout it made
     * ({@link ClassFileVisit}). Instructions are never decoded: when a method's parameter names exist nowhere but in its
     * LocalVariableTable, that table is read from the bytes directly. {@code types} memoizes parsed
     * descriptors and signatures across the classes of one inspection. {@code entry} is the logical entry name
     * the bytes were read from ({@code a/B.class}, also for a versioned entry of a multi-release JAR): the class
     * must declare the name that a class loader reads from that entry.
     */
    static ClassFacts read(byte[] bytes, Origin origin, String where, String entry, Signatures.Cache types) {
        return read(checked(bytes, where, entry), origin, types);
    }

    /**
     * Facts of a class file that {@link #checked} has checked: the bytes the check judged, read through its
     * layout, so that a class whose header was read first is neither inflated nor checked a second time.
     */
    static ClassFacts read(ClassFileFormat format, Origin origin, Signatures.Cache types) {
        String where = format.where;
        ClassCollector collector = new ClassCollector(types, format);
        try {
            ClassFileVisit.accept(format, collector);
            if (collector.needsLocalNames()) {
                LocalVariableTables.read(format, collector.methods());
            }
            return collector.toFacts(origin);
        } catch (InspectionException located) {
            throw located; // already names the class file (a malformed annotation value)
        } catch (RuntimeException corrupt) {
            throw new InspectionException(where + ": not a valid class file (" + describe(corrupt) + ")", corrupt);
        } catch (AssertionError unreadable) {
            // ASM's mark of a state its reader never expects; reached only by a malformed class file
            throw new InspectionException(where + ": not a valid class file (unreadable: " + unreadable + ")",
                    unreadable);
        } catch (StackOverflowError deep) {
            // the bounds of ClassFileFormat and Signatures keep javac's output and hostile input far from this;
            // should a structure still nest beyond the stack, the class file is refused, not the process
            throw new InspectionException(where + ": not a valid class file (nested too deeply to read)", deep);
        }
    }

    /**
     * An ASM reader of the class a class loader defines from {@code entry} (its logical name, {@code a/B.class}):
     * {@code bytes} pass the JVM's structural checks and declare the name of that entry. Every reading of a
     * class file (facts, headers, references) goes through here or {@link #checked}, so none sees a class a
     * class loader would not define from that entry.
     *
     * @throws InspectionException naming {@code where} and the first problem; a decoy (bytes that declare
     *                             another class than their entry's) is an error, never facts
     */
    static ClassReader reader(byte[] bytes, String where, String entry) {
        checked(bytes, where, entry);
        return asm(bytes, where);
    }

    /**
     * The class file in {@code bytes}, checked as {@link #reader(byte[], String, String)} checks it, for readers
     * that read it through the constant pool the check laid out rather than through ASM.
     *
     * @throws InspectionException naming {@code where} and the first problem; a decoy is an error
     */
    static ClassFileFormat checked(byte[] bytes, String where, String entry) {
        return ofEntry(ClassFileFormat.check(bytes, where), where, entry);
    }

    /**
     * The head of a class file ({@code head}: its bytes up to the end of its interfaces), checked in what a
     * reader of the class's header takes from it as {@link #checked} checks a whole one
     * ({@link ClassFileFormat#checkHead}: the pool's layout, the flags, the name and the supertypes), for a reader
     * that needs no more of the class than that and the bytes of its constants.
     *
     * @throws InspectionException naming {@code where} and the first problem of the head; a decoy is an error
     */
    static ClassFileFormat checkedHead(byte[] head, String where, String entry) {
        return ofEntry(ClassFileFormat.checkHead(head, where), where, entry);
    }

    private static ClassFileFormat ofEntry(ClassFileFormat format, String where, String entry) {
        String declared = format.declaredName();
        if (entry.length() != declared.length() + 6 || !entry.startsWith(declared) || !entry.endsWith(".class")) {
            throw new InspectionException(where + " declares " + ClassFileFormat.printable(Signatures.binaryName(declared))
                    + "; a class loader never loads it under the name of its path (a decoy?): remove it, or move it to "
                    + ClassFileFormat.printable(declared) + ".class");
        }
        return format;
    }

    /**
     * An ASM reader of {@code bytes}, once they pass the JVM's structural checks ({@link ClassFileFormat}).
     *
     * @throws InspectionException naming {@code where} and the first structural problem
     */
    static ClassReader reader(byte[] bytes, String where) {
        ClassFileFormat.check(bytes, where);
        return asm(bytes, where);
    }

    private static ClassReader asm(byte[] bytes, String where) {
        try {
            return new ClassReader(bytes);
        } catch (RuntimeException corrupt) {
            throw new InspectionException(where + ": not a valid class file (" + describe(corrupt) + ")", corrupt);
        }
    }

    /**
     * Whether the class file in {@code bytes} declares the name of the path {@code entry} it is stored at
     * ({@code META-INF/versions/21/a/X} for {@code META-INF/versions/21/a/X.class}), so that a class loader asked for
     * that name defines it from there. Read without judging the class: false for bytes no JVM would take for a class
     * file (not the magic, a constant pool of unknown tags or cut short, a this_class that is not a class constant).
     */
    static boolean declaresOwnPath(byte[] bytes, String entry) {
        try {
            if (bytes.length < 10 || (int) u4(bytes, 0) != 0xCAFEBABE) {
                return false;
            }
            int count = u2(bytes, 8);
            int[] offsets = new int[count];
            int at = 10;
            for (int i = 1; i < count; i++) {
                offsets[i] = at;
                switch (bytes[at] & 0xFF) {
                    case 1 -> at += 3 + u2(bytes, at + 1);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> at += 5;
                    case 5, 6 -> {
                        at += 9;
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> at += 3;
                    case 15 -> at += 4;
                    default -> {
                        return false;
                    }
                }
            }
            int thisClass = u2(bytes, at + 2);
            if (thisClass <= 0 || thisClass >= count || offsets[thisClass] == 0 || bytes[offsets[thisClass]] != 7) {
                return false;
            }
            int name = u2(bytes, offsets[thisClass] + 1);
            if (name <= 0 || name >= count || offsets[name] == 0 || bytes[offsets[name]] != 1) {
                return false;
            }
            int from = offsets[name] + 3;
            String declared = ModifiedUtf8.decode(bytes, from, u2(bytes, offsets[name] + 1));
            return entry.length() == declared.length() + 6 && entry.startsWith(declared) && entry.endsWith(".class");
        } catch (RuntimeException malformed) {
            return false; // cut short or malformed: no class loader defines it under any name
        }
    }

    private static int u2(byte[] bytes, int at) {
        return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    }

    private static long u4(byte[] bytes, int at) {
        return ((long) u2(bytes, at) << 16) | u2(bytes, at + 2);
    }

    private static String describe(RuntimeException e) {
        if (e instanceof ArrayIndexOutOfBoundsException || e instanceof StringIndexOutOfBoundsException) {
            return "truncated or corrupt";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
