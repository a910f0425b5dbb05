package io.importspy.testing;

import io.importspy.RuntimeSource;
import io.importspy.Spy;
import io.importspy.ValidationOptions;
import io.importspy.internal.contract.Contracts;
import io.importspy.validate.Strictness;
import io.importspy.validate.Violation;

import java.nio.file.Path;
import java.util.List;

/** Validates a JAR against a contract made of a {@code classes:} section alone: strict, no runtime checks. */
public final class StrictValidation {
    private StrictValidation() {
    }

    /** Every violation of {@code jar} against {@code importspy: 1} + {@code classes:} + {@code classesYaml}. */
    public static List<Violation> violations(Path jar, String classesYaml) {
        return Spy.validate(Contracts.parse("importspy: 1\nclasses:\n" + classesYaml, "spymodel.yml"),
                        ValidationOptions.defaults().withRuntime(RuntimeSource.none()).withStrictness(Strictness.STRICT),
                        List.of(jar))
                .targets().get(0).violations();
    }
}
