package io.importspy.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.LineBreaks;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Picocli's help tables wrap at the breaks of {@link LineBreaks} (the build edits picocli's sources to use it), which
 * must be those of the JDK's {@link BreakIterator#getLineInstance()} for every text: found by the class itself for
 * the characters it knows, by the JDK's line instance for any other.
 */
class LineBreaksTest {
    private static final String CHARACTERS = "abZy19\u00ff !#()*,./:;<=>[]_|~\n";

    @Test
    void breaks_random_text_where_the_jdk_does() {
        Random random = new Random(14);
        int readByItself = 0;
        for (int i = 0; i < 100_000; i++) {
            String text = randomText(random);
            assertThat(breaks(new LineBreaks(), text)).as(text).isEqualTo(breaks(BreakIterator.getLineInstance(), text));
            for (int offset = 0; offset <= text.length(); offset++) {
                assertNavigatesAsTheJdk(text, offset);
            }
            readByItself += readsItself(text) ? 1 : 0;
        }
        assertThat(readByItself).as("texts the class reads itself").isGreaterThan(40_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Show this help message and exit.", "--classpath=PATH[:PATH...]", "the JVM's runtime facts",
            "a-b c", "\"quoted\" text", "call() here", "1'000", "costs $5 (or [$x])", "caf\u00e9 au lait", "tab\tand\r\nlines", "", "  ",
            "Prints the JSON Schema (draft 2020-12) of the contract language, format 1."})
    void breaks_help_text_and_any_other_text_where_the_jdk_does(String text) {
        assertThat(breaks(new LineBreaks(), text)).isEqualTo(breaks(BreakIterator.getLineInstance(), text));
        for (int offset = 0; offset <= text.length(); offset++) {
            assertNavigatesAsTheJdk(text, offset);
        }
    }

    private static void assertNavigatesAsTheJdk(String text, int offset) {
        BreakIterator jdk = BreakIterator.getLineInstance();
        BreakIterator ours = new LineBreaks();
        jdk.setText(text);
        ours.setText(text);
        assertThat(ours.following(offset)).as("following(%d) in '%s'", offset, text).isEqualTo(jdk.following(offset));
        assertThat(ours.current()).isEqualTo(jdk.current());
        assertThat(ours.preceding(offset)).as("preceding(%d) in '%s'", offset, text).isEqualTo(jdk.preceding(offset));
        assertThat(ours.isBoundary(offset)).as("isBoundary(%d) in '%s'", offset, text).isEqualTo(jdk.isBoundary(offset));
        assertThat(ours.current()).isEqualTo(jdk.current());
        assertThat(ours.last()).isEqualTo(jdk.last());
        assertThat(ours.previous()).isEqualTo(jdk.previous());
        assertThat(ours.next(-1)).isEqualTo(jdk.next(-1));
    }

    /** Random characters of those the class knows, with apostrophes after letters and now and then {@code ()}. */
    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(24);
        for (int i = 0; i < length; i++) {
            text.append(CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
            if (Character.isLetter(text.charAt(text.length() - 1)) && random.nextInt(4) == 0) {
                text.append('\'');
            }
        }
        if (random.nextInt(5) == 0) {
            text.insert(random.nextInt(text.length() + 1), "()");
        }
        return text.toString();
    }

    /** Whether the text holds only what the class reads without the JDK: no {@code ()}, apostrophes between letters. */
    private static boolean readsItself(String text) {
        return !text.contains("()") && !text.matches("(?s)(.*[^a-zA-Z\u00ff]'.*|.*'[^a-zA-Z\u00ff].*|'.*|.*')");
    }

    private static List<Integer> breaks(BreakIterator iterator, String text) {
        iterator.setText(text);
        List<Integer> breaks = new ArrayList<>();
        for (int at = iterator.first(); at != BreakIterator.DONE; at = iterator.next()) {
            breaks.add(at);
        }
        return breaks;
    }
}
