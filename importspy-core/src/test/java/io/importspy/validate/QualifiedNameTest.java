package io.importspy.validate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class QualifiedNameTest {
    private static final Pattern QUALIFIED =
            Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)+");

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "a", "a.b", "a.", ".a", "a..b", "java.lang.String", "a.1", "a1.b2", "_.$",
        "Ölf.Straße", "a.b.", "a. b", "a.b-c", "\uD835\uDC00.b", "a.\u0661", "a\u0661.b\u2167", "a.\u2167b",
        "x.\u00B2", "a.b\uD800", "com.acme.Outer$Inner"})
    void matches_as_the_regular_expression_does(String text) {
        assertThat(Values.isQualifiedName(text)).as("'%s'", text).isEqualTo(QUALIFIED.matcher(text).matches());
    }

    @Test
    void matches_as_the_regular_expression_does_on_random_texts() {
        int[] alphabet = {'a', 'Z', '_', '$', '.', '.', '1', '-', ' ', 0x0661, 0x2167, 0x00B2, 0x00E9, 0x1D400,
            0xD800, 0x0300, 0x4E2D};
        Random random = new Random(20261203);
        int qualified = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(8);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
            }
            boolean expected = QUALIFIED.matcher(text).matches();
            qualified += expected ? 1 : 0;
            assertThat(Values.isQualifiedName(text.toString())).as("'%s'", text).isEqualTo(expected);
        }
        assertThat(qualified).isGreaterThan(1_000);
    }
}
