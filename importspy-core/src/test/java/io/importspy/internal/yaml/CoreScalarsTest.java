package io.importspy.internal.yaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.JsonScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CoreScalarsTest {
    private static final ScalarResolver SNAKEYAML = new CoreScalarResolver(true);
    private static final ScalarResolver OURS = new CoreScalars();
    private static final ScalarResolver SNAKEYAML_JSON = new JsonScalarResolver();
    private static final ScalarResolver OURS_JSON = new JsonScalars();

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "~", "null", "Null", "NULL", "nul", "nulls", "true", "True", "TRUE", "tRUE",
        "false", "False", "FALSE", "yes", "0", "-0", "+12", "012", "0o17", "0o18", "0o", "+0o7", "0x1F", "0xfg", "0x",
        "-0x1", "1.", ".5", ".", "-.", "1e5", "1E+5", "1e", "1e+", ".e1", "1.5e-3", "-1.5.3", ".inf", "-.inf",
        "+.Inf", ".INF", ".iNf", ".nan", ".NaN", ".NAN", "-.nan", "<<", "<", "<<<", "${A}", "${ A }", "${A:-B}",
        "${A:-}", "${A-B}", "${A?}", "${A:?msg}", "${A:}", "${}", "${A-B-C}", "${A\tB}", "${\u00e9}", "$A",
        "${A}x", "1_000", "-", "-0.5", "00", "01", "-01", "0.", "0e1", "1e+2", "-.5", "+1", "١٢", "1\n", " 1", "1 ", "ＴＲＵＥ"})
    void resolves_as_snakeyaml_does(String value) {
        assertThat(OURS.resolve(value, true)).as("'%s'", value).isEqualTo(SNAKEYAML.resolve(value, true));
        assertThat(OURS.resolve(value, false)).as("'%s' quoted", value).isEqualTo(Tag.STR);
        assertThat(OURS_JSON.resolve(value, true)).as("JSON '%s'", value).isEqualTo(SNAKEYAML_JSON.resolve(value, true));
        assertThat(OURS_JSON.resolve(value, false)).as("JSON '%s' quoted", value).isEqualTo(Tag.STR);
    }

    @Test
    void resolves_as_snakeyaml_does_on_random_values() {
        String alphabet = "0123456789+-.eExXoOabfFntTrulsNL~<${}:?_ \t\u00e9";
        Random random = new Random(20261203);
        int differing = 0;
        int resolved = 0;
        for (int n = 0; n < 300_000; n++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(9);
            for (int i = 0; i < length; i++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Tag expected = SNAKEYAML.resolve(value.toString(), true);
            if (!expected.equals(Tag.STR)) {
                resolved++;
            }
            assertThat(OURS_JSON.resolve(value.toString(), true)).as("JSON '%s'", value)
                    .isEqualTo(SNAKEYAML_JSON.resolve(value.toString(), true));
            if (!OURS.resolve(value.toString(), true).equals(expected)) {
                differing++;
                assertThat(OURS.resolve(value.toString(), true)).as("'%s'", value).isEqualTo(expected);
            }
        }
        assertThat(differing).isZero();
        assertThat(resolved).as("values the random texts resolve to another tag than a string").isGreaterThan(10_000);
    }
}
