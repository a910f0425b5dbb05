package io.importspy.internal.inspect;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The file-name stem and the pom.properties entries are found by hand as the regular expressions they replace found them. */
class IdentityNamesTest {
    private static final Pattern POM = Pattern.compile("META-INF/maven/[^/]+/[^/]+/pom\\.properties");
    private static final Pattern VERSION_SUFFIX = Pattern.compile("-(\\d+(\\.|$))");

    @Test
    void a_stem_ends_before_the_first_dash_followed_by_digits_then_a_dot_or_the_end() {
        assertThat(IdentityReader.fileStem("greeter-1.2.3.jar")).isEqualTo("greeter");
        assertThat(IdentityReader.fileStem("guava-33.4.8-jre.jar")).isEqualTo("guava");
        assertThat(IdentityReader.fileStem("hadoop-shaded-guava-1.3.0.jar")).isEqualTo("hadoop-shaded-guava");
        assertThat(IdentityReader.fileStem("x-2a-3.jar")).isEqualTo("x-2a");
        assertThat(IdentityReader.fileStem("-1.jar")).isEqualTo("-1");
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            String name = random(random, "a-19.x\n\r\u0085\u2028\u0661", 10) + (random.nextBoolean() ? ".jar" : "");
            assertThat(IdentityReader.fileStem(name)).as(name).isEqualTo(byRegex(name));
        }
    }

    @Test
    void a_pom_entry_is_under_a_group_and_an_artifact_directory() {
        assertThat(IdentityReader.isPom("META-INF/maven/org.acme/greeter/pom.properties")).isTrue();
        assertThat(IdentityReader.isPom("META-INF/maven/org.acme/pom.properties")).isFalse();
        assertThat(IdentityReader.isPom("META-INF/maven/a/b/c/pom.properties")).isFalse();
        assertThat(IdentityReader.isPom("META-INF/maven//b/pom.properties")).isFalse();
        Random random = new Random(8);
        for (int i = 0; i < 200_000; i++) {
            String entry = "META-INF/maven/" + random(random, "a//.", 5) + (random.nextInt(5) == 0 ? "" : "/pom.properties");
            assertThat(IdentityReader.isPom(entry)).as(entry).isEqualTo(POM.matcher(entry).matches());
        }
    }

    private static String byRegex(String fileName) {
        String stem = fileName.endsWith(".jar") || fileName.endsWith(".zip")
                ? fileName.substring(0, fileName.length() - 4) : fileName;
        Matcher version = VERSION_SUFFIX.matcher(stem);
        if (version.find() && version.start() > 0) {
            stem = stem.substring(0, version.start());
        }
        return stem;
    }

    private static String random(Random random, String alphabet, int most) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(most); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
