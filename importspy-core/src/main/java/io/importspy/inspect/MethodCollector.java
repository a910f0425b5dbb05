package io.importspy.inspect;

import io.importspy.java.JavaType;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Collects one method's facts. Parameter names come from MethodParameters (seen in the first,
 * code-skipping pass) or, when absent, from the LocalVariableTable (see {@link #localNames()}).
 */
final class MethodCollector extends MethodVisitor {
    final int access;
    final String name;
    final String descriptor;
    private final String signature;
    private final String[] exceptions;
    private final List<AnnotationFacts> annotations = new ArrayList<>();
    private final List<String> declaredNames = new ArrayList<>();
    private String[] localNames;

    MethodCollector(int access, String name, String descriptor, String signature, String[] exceptions) {
        super(Opcodes.ASM9);
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
        return new AnnotationCollector(annotationDescriptor, annotations::add);
    }

    /** Whether names must come from the LocalVariableTable: parameters, no MethodParameters, and code. */
    boolean needsLocalNames() {
        boolean hasCode = (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
        return hasCode && declaredNames.isEmpty() && !descriptor.startsWith("()");
    }

    /** A visitor for the second pass that reads the parameters' entries of the LocalVariableTable. */
    MethodVisitor localNames() {
        List<JavaType> erased = Signatures.methodTypes(descriptor).parameters();
        int[] slots = new int[erased.size()];
        int slot = (access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
        for (int i = 0; i < slots.length; i++) {
            slots[i] = slot;
            JavaType type = erased.get(i);
            slot += type.dimensions() == 0 && (type.name().equals("long") || type.name().equals("double")) ? 2 : 1;
        }
        localNames = new String[slots.length];
        boolean[] atStart = new boolean[slots.length];
        return new MethodVisitor(Opcodes.ASM9) {
            private Label first;

            @Override
            public void visitLabel(Label label) {
                if (first == null) {
                    first = label;
                }
            }

            /** A parameter's entry starts at the method's first instruction; later entries reuse the slot. */
            @Override
            public void visitLocalVariable(String local, String desc, String sig, Label start, Label end, int index) {
                for (int i = 0; i < slots.length; i++) {
                    if (slots[i] == index && !atStart[i]) {
                        atStart[i] = start == first;
                        localNames[i] = local;
                    }
                }
            }
        };
    }

    MethodFacts toFacts(boolean inInterface) {
        Signatures.MethodTypes erased = Signatures.methodTypes(descriptor);
        Signatures.MethodTypes generic = signature == null ? erased : genericOrErased(erased);
        List<JavaType> erasedParameters = erased.parameters();
        boolean genericFits = generic.parameters().size() == erasedParameters.size();
        boolean varargs = (access & Opcodes.ACC_VARARGS) != 0;
        List<ParameterFacts> parameters = new ArrayList<>();
        for (int i = 0; i < erasedParameters.size(); i++) {
            JavaType type = genericFits ? generic.parameters().get(i) : erasedParameters.get(i);
            JavaType erasure = erasedParameters.get(i);
            if (varargs && i == erasedParameters.size() - 1 && type.dimensions() > 0) {
                type = new JavaType(type.name(), type.arguments(), type.dimensions(), true, type.variable());
            }
            parameters.add(new ParameterFacts(parameterName(i, erasedParameters.size()), type, erasure));
        }
        List<JavaType> thrown = !generic.exceptions().isEmpty() ? generic.exceptions()
                : Arrays.stream(exceptions).map(e -> JavaType.of(Signatures.binaryName(e))).toList();
        boolean synthetic = (access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) != 0;
        return new MethodFacts(name, parameters, generic.returnType(), erased.returnType(), thrown,
                Modifiers.ofMethod(access, name, inInterface), varargs, synthetic, annotations);
    }

    private Signatures.MethodTypes genericOrErased(Signatures.MethodTypes erased) {
        try {
            return Signatures.methodTypes(signature);
        } catch (IllegalArgumentException malformed) {
            return erased; // a broken Signature attribute is ignored, as the JVM does
        }
    }

    /** MethodParameters may omit mandated/synthetic parameters; align from the end when counts differ. */
    private Optional<String> parameterName(int index, int count) {
        if (!declaredNames.isEmpty()) {
            int at = index - (count - declaredNames.size());
            return at >= 0 && at < declaredNames.size() ? Optional.ofNullable(declaredNames.get(at)) : Optional.empty();
        }
        if (localNames != null) {
            return Optional.ofNullable(localNames[index]);
        }
        return Optional.empty();
    }
}
