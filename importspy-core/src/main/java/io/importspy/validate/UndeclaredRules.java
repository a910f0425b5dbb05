package io.importspy.validate;

import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.FieldFacts;
import io.importspy.inspect.MethodFacts;
import io.importspy.inspect.ParameterFacts;
import io.importspy.internal.contract.ClassSpec;
import io.importspy.internal.contract.ConstructorSpec;
import io.importspy.internal.contract.MethodSpec;
import io.importspy.internal.contract.Sections;
import io.importspy.java.Modifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Drift, the other way round: what a class the contract names has and the contract does not declare. For each
 * {@code classes:} entry found in the module, every public or protected field, constructor and method the class
 * itself declares (not inherited, not synthetic or bridge) that no entry of the contract matches is one
 * {@link Category#UNDECLARED} violation. A method entry without {@code parameters} declares every overload of
 * its name; a constructor entry without them, every constructor. Run only when asked
 * ({@code validate --undeclared}, {@link io.importspy.ValidationOptions#reportingUndeclared()}), after the
 * built-in rules; it reads no class beyond the ones they read.
 */
final class UndeclaredRules implements Rule<Sections.Classes> {
    @Override
    public Class<Sections.Classes> section() {
        return Sections.Classes.class;
    }

    @Override
    public Set<String> classesToRead(Sections.Classes section) {
        return Set.of(); // the classes rule reads every named class already
    }

    @Override
    public void check(Sections.Classes section, Facts facts, Sink sink) {
        for (ClassSpec spec : section.classes()) {
            List<ClassFacts> named = facts.module().moduleClasses(spec.name());
            if (named.size() == 1) {
                check(spec, named.get(0), sink);
            }
        }
    }

    private static void check(ClassSpec spec, ClassFacts type, Sink sink) {
        for (FieldFacts field : type.fields()) {
            if (visible(field.modifiers()) && spec.fields().stream().noneMatch(f -> f.name().equals(field.name()))) {
                String subject = type.name() + "." + field.name();
                sink.report(Violation.undeclared(Context.FIELD, subject)
                        .expected("no field " + field.name() + " beyond those the contract declares")
                        .found("field " + field.name() + ": " + field.type())
                        .message("class " + type.name() + " has field " + field.name()
                                + ", which the contract does not declare")
                        .fix("declare field " + field.name() + " in the contract's entry for " + type.name()
                                + ", or remove it from the module")
                        .at(spec.location()));
            }
        }
        for (MethodFacts method : type.methods()) {
            if (method.synthetic() || !visible(method.modifiers()) || method.name().equals("<clinit>")) {
                continue;
            }
            if (method.isConstructor()) {
                if (!declared(spec.constructors(), method)) {
                    String signature = "(" + parameters(method) + ")";
                    sink.report(Violation.undeclared(Context.CONSTRUCTOR, type.name() + signature)
                            .expected("no constructor beyond those the contract declares")
                            .found("constructor " + signature)
                            .message("class " + type.name() + " has constructor " + signature
                                    + ", which the contract does not declare")
                            .fix("declare constructor " + signature + " in the contract's entry for " + type.name()
                                    + ", or remove it from the module")
                            .at(spec.location()));
                }
            } else if (!declaredMethod(spec.methods(), method)) {
                String signature = method.name() + "(" + parameters(method) + ")";
                sink.report(Violation.undeclared(Context.METHOD, type.name() + "#" + signature)
                        .expected("no method beyond those the contract declares")
                        .found("method " + signature + ": " + method.returnType())
                        .message("class " + type.name() + " has method " + signature
                                + ", which the contract does not declare")
                        .fix("declare method " + signature + " in the contract's entry for " + type.name()
                                + ", or remove it from the module")
                        .at(spec.location()));
            }
        }
    }

    private static boolean declared(List<ConstructorSpec> constructors, MethodFacts constructor) {
        for (ConstructorSpec spec : constructors) {
            if (spec.parameters().isEmpty() || MethodRules.parametersMatch(spec.parameters().get(), constructor)) {
                return true;
            }
        }
        return false;
    }

    private static boolean declaredMethod(List<MethodSpec> methods, MethodFacts method) {
        for (MethodSpec spec : methods) {
            if (spec.name().equals(method.name())
                    && (spec.parameters().isEmpty() || MethodRules.parametersMatch(spec.parameters().get(), method))) {
                return true;
            }
        }
        return false;
    }

    private static String parameters(MethodFacts method) {
        List<String> types = new ArrayList<>();
        for (ParameterFacts parameter : method.parameters()) {
            types.add(parameter.type().toString());
        }
        return String.join(", ", types);
    }

    private static boolean visible(Set<Modifier> modifiers) {
        return modifiers.contains(Modifier.PUBLIC) || modifiers.contains(Modifier.PROTECTED);
    }
}
