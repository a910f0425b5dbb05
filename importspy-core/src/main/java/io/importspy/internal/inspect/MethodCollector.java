package io.importspy.internal.inspect;

import io.importspy.inspect.AnnotationFacts;
import io.importspy.inspect.MethodFacts;
import io.importspy.inspect.ParameterFacts;
import io.importspy.java.JavaType;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Collects one method's facts. Parameter names come from MethodParameters (seen in the code-skipping
 * ASM pass) or, when absent, from the LocalVariableTable (see {@link LocalVariableTables}).
 */
final class MethodCollector extends MethodVisitor {
    final int access;
    final String name;
    final String descriptor;
    private final String signature;
    private final String[] exceptions;
    private final List<AnnotationFacts> annotations = new ArrayList<>();
    private final List<String> declaredNames = new ArrayList<>();
    private final Signatures.Cache types;
    private int[] slots;
    private String[] localNames;
    private boolean[] atStart;

    private final boolean annotated;
    private static final String[] NO_NAMES = {};

    /** With {@code annotated} false (a class file older than Java 5), its annotations are ignored, as by the JVM. */
    MethodCollector(int access, String name, String descriptor, String signature, String[] exceptions,
                    Signatures.Cache types, boolean annotated) {
        super(Opcodes.ASM9);
        this.annotated = annotated;
        this.types = types;
        this.access = access;
        this.name = name;
        this.descriptor = descriptor;
        this.signature = signature;
        this.exceptions = exceptions == null ? new String[0] : exceptions;
    }

    @Override
    public void visitParameter(String parameterName, int access) {
        declaredNames.add(parameterName);
    }

    @Override
    public AnnotationVisitor visitAnnotation(String annotationDescriptor, boolean visible) {
        return annotated ? new AnnotationCollector(annotationDescriptor, annotations::add) : null;
    }

    /** Whether names must come from the LocalVariableTable: parameters, no MethodParameters, and code. */
    boolean needsLocalNames() {
        boolean hasCode = (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
        return hasCode && declaredNames.isEmpty() && !descriptor.startsWith("()");
    }

    /** Whether local variable {@code slot} holds a parameter (this excluded; long and double take two slots). */
    boolean isParameterSlot(int slot) {
        int[] slots = parameterSlots();
        for (int parameterSlot : slots) {
            if (parameterSlot == slot) {
                return true;
            }
        }
        return false;
    }

    /**
     * One LocalVariableTable entry of a parameter slot. A parameter's entry starts at the method's first
     * instruction; later entries may reuse the slot for another variable, and count only when no entry
     * starts there.
     */
    void localVariable(int slot, boolean atMethodStart, String local) {
        int[] slots = parameterSlots();
        if (localNames == null) {
            localNames = new String[slots.length];
            atStart = new boolean[slots.length];
        }
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == slot && !atStart[i]) {
                atStart[i] = atMethodStart;
                localNames[i] = local;
            }
        }
    }

    private int[] parameterSlots() {
        if (slots == null) {
            slots = parameterSlots(descriptor, (access & Opcodes.ACC_STATIC) != 0);
        }
        return slots;
    }

    /** The local variable slot of each parameter of a method descriptor, read without building types. */
    static int[] parameterSlots(String descriptor, boolean isStatic) {
        int[] slots = new int[descriptor.length()];
        int count = 0;
        int slot = isStatic ? 0 : 1;
        int at = descriptor.indexOf('(') + 1;
        if (at != 1) {
            throw new IllegalArgumentException("malformed method descriptor '" + descriptor + "'");
        }
        while (descriptor.charAt(at) != ')') {
            slots[count++] = slot;
            char c = descriptor.charAt(at);
            if (c == 'J' || c == 'D') {
                slot += 2;
                at++;
                continue;
            }
            slot++;
            while (descriptor.charAt(at) == '[') {
                at++;
            }
            if (descriptor.charAt(at) == 'L') {
                int semicolon = descriptor.indexOf(';', at);
                if (semicolon < 0) {
                    throw new IllegalArgumentException("malformed method descriptor '" + descriptor + "'");
                }
                at = semicolon + 1;
            } else {
                at++;
            }
        }
        return Arrays.copyOf(slots, count);
    }

    /**
     * The facts of this method, beyond its name made on first use ({@link MethodFacts#deferred}): from what this
     * pass collected, copied here, through the process-wide signature maps alone (the inspection's cache is not
     * safe on another thread). Nothing they read can fail: the class file's check has judged the descriptor,
     * and a malformed Signature attribute is ignored.
     *
     * @param hidden how many leading parameters the compiler added (enum name and ordinal, an inner class's
     *               outer instance): they are left out, so parameters read as Java source writes them
     */
    MethodFacts toFacts(boolean inInterface, int hidden) {
        boolean synthetic = (access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) != 0;
        Made made = new Made(access, name, descriptor, signature, exceptions, List.copyOf(annotations),
                declaredNames.isEmpty() ? NO_NAMES : declaredNames.toArray(NO_NAMES), localNames, inInterface, hidden);
        return MethodFacts.deferred(name, synthetic, made);
    }

    /** The facts of one method, made from what its collector collected. */
    private record Made(int access, String name, String descriptor, String signature, String[] exceptions,
                        List<AnnotationFacts> annotations, String[] declaredNames, String[] localNames,
                        boolean inInterface, int hidden) implements java.util.function.Supplier<MethodFacts> {
        @Override
        public MethodFacts get() {
            Signatures.Cache types = Signatures.Cache.SHARED;
            Signatures.MethodTypes erased = Signatures.methodTypes(descriptor, types);
            Signatures.MethodTypes generic = signature == null ? erased : genericOrErased(erased, types);
            List<JavaType> erasedParameters = erased.parameters();
            int visible = erasedParameters.size() - hidden;
            // a Signature attribute, when present, lists only the parameters source declares
            boolean genericFits = generic.parameters().size() == erasedParameters.size()
                    || generic.parameters().size() == visible && signature != null;
            int genericOffset = generic.parameters().size() == erasedParameters.size() ? 0 : -hidden;
            boolean varargs = (access & Opcodes.ACC_VARARGS) != 0;
            List<ParameterFacts> parameters = new ArrayList<>();
            for (int i = hidden; i < erasedParameters.size(); i++) {
                JavaType type = genericFits ? generic.parameters().get(i + genericOffset) : erasedParameters.get(i);
                JavaType erasure = erasedParameters.get(i);
                if (varargs && i == erasedParameters.size() - 1 && type.dimensions() > 0) {
                    type = type.asVarargs();
                }
                parameters.add(new ParameterFacts(parameterName(i, erasedParameters.size()), type, erasure));
            }
            List<JavaType> thrown = !generic.exceptions().isEmpty() ? generic.exceptions() : thrownErased();
            boolean synthetic = (access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) != 0;
            return MethodFacts.builder(name).parameters(parameters).returns(generic.returnType(), erased.returnType())
                    .exceptions(thrown).modifiers(Modifiers.ofMethod(access, name, inInterface)).varargs(varargs)
                    .synthetic(synthetic).annotations(annotations).typeParameters(generic.typeParameters()).build();
        }

        /** The Exceptions attribute's types; most methods declare none, so no stream is set up for them. */
        private List<JavaType> thrownErased() {
            if (exceptions.length == 0) {
                return List.of();
            }
            JavaType[] types = new JavaType[exceptions.length];
            for (int i = 0; i < exceptions.length; i++) {
                types[i] = JavaType.of(Signatures.binaryName(exceptions[i]));
            }
            return List.of(types);
        }

        private Signatures.MethodTypes genericOrErased(Signatures.MethodTypes erased, Signatures.Cache types) {
            try {
                return Signatures.methodTypes(signature, types);
            } catch (IllegalArgumentException malformed) {
                return erased; // a broken Signature attribute is ignored, as the JVM does
            }
        }

        /** MethodParameters may omit mandated/synthetic parameters; align from the end when counts differ. */
        private Optional<String> parameterName(int index, int count) {
            if (declaredNames.length > 0) {
                int at = index - (count - declaredNames.length);
                return at >= 0 && at < declaredNames.length ? Optional.ofNullable(declaredNames[at]) : Optional.empty();
            }
            if (localNames != null) {
                return Optional.ofNullable(localNames[index]);
            }
            return Optional.empty();
        }
    }
}
