package io.importspy.internal.spi;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written checks of section keys and namespaces say what the regular expressions they replace say. */
class ExtensionNamesTest {
    private static final Pattern KEY = Pattern.compile("x-[a-z0-9][a-z0-9._-]*");
    private static final Pattern NAMESPACE = Pattern.compile("[a-z][a-z0-9-]*");

    @Test
    void a_key_is_x_dash_then_lower_case_letters_digits_dots_dashes_and_underscores() {
        assertThat(Extensions.isKey("x-acme-license")).isTrue();
        assertThat(Extensions.isKey("x-9.a_b-c")).isTrue();
        assertThat(Extensions.isKey("x-")).isFalse();
        assertThat(Extensions.isKey("x-.a")).isFalse();
        assertThat(Extensions.isKey("x-Acme")).isFalse();
        assertThat(Extensions.isKey("y-acme")).isFalse();
        Random random = new Random(14);
        for (int i = 0; i < 200_000; i++) {
            String text = (random.nextInt(4) == 0 ? "" : "x-") + random(random, "xa-z09._-A\u00e9\n ");
            assertThat(Extensions.isKey(text)).as(text).isEqualTo(KEY.matcher(text).matches());
        }
    }

    @Test
    void a_namespace_is_a_lower_case_letter_then_lower_case_letters_digits_and_dashes() {
        assertThat(Extensions.isNamespace("container")).isTrue();
        assertThat(Extensions.isNamespace("k8s-node")).isTrue();
        assertThat(Extensions.isNamespace("")).isFalse();
        assertThat(Extensions.isNamespace("8s")).isFalse();
        assertThat(Extensions.isNamespace("a.b")).isFalse();
        Random random = new Random(15);
        for (int i = 0; i < 200_000; i++) {
            String text = random(random, "az09-._A\u00e9\n ");
            assertThat(Extensions.isNamespace(text)).as(text).isEqualTo(NAMESPACE.matcher(text).matches());
        }
    }

    private static String random(Random random, String alphabet) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(7); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
