package io.importspy.internal.java;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EditDistanceTest {

    @Test
    void counts_insertions_deletions_substitutions_and_adjacent_swaps_as_one_edit_each() {
        assertThat(EditDistance.between("modifiers", "modifiers")).isZero();
        assertThat(EditDistance.between("modifers", "modifiers")).isEqualTo(1);
        assertThat(EditDistance.between("modifierss", "modifiers")).isEqualTo(1);
        assertThat(EditDistance.between("modifoers", "modifiers")).isEqualTo(1);
        assertThat(EditDistance.between("mdoifiers", "modifiers")).isEqualTo(1);
        assertThat(EditDistance.between("mdoifers", "modifiers")).isEqualTo(2);
    }

    @Test
    void words_too_far_apart_or_too_long_are_never_compared() {
        assertThat(EditDistance.between("a", "abcd")).isEqualTo(Integer.MAX_VALUE);
        String longWord = "x".repeat(201);
        assertThat(EditDistance.between(longWord, longWord)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void a_likely_misspelling_is_two_edits_at_most_and_one_per_three_letters() {
        assertThat(EditDistance.isCloseEnough(1, 3)).isTrue();
        assertThat(EditDistance.isCloseEnough(1, 2)).isFalse();
        assertThat(EditDistance.isCloseEnough(2, 6)).isTrue();
        assertThat(EditDistance.isCloseEnough(3, 30)).isFalse();
    }
}
