package io.importspy.internal.inspect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The process-wide signature caches share short texts only, so a hostile JAR's long ones are never pinned. */
class SignatureCacheTest {
    @Test
    void a_short_text_is_shared_and_a_long_one_only_cached_for_its_inspection() {
        String shortText = "Ljava/util/List<Lshort/Shared;>;";
        String longText = "Ljava/util/Map<L" + "x/".repeat(200) + "Long;Ljava/lang/String;>;";
        Signatures.Cache cache = new Signatures.Cache();

        assertThat(Signatures.fieldType(shortText, cache).name()).isEqualTo("java.util.List");
        assertThat(Signatures.fieldType(longText, cache).name()).isEqualTo("java.util.Map");
        String method = "(" + longText + ")V";
        assertThat(Signatures.methodTypes(method, cache).parameters()).hasSize(1);

        assertThat(Signatures.Cache.shared(shortText)).isTrue();
        assertThat(Signatures.Cache.shared(longText)).isFalse();
        assertThat(Signatures.Cache.shared(method)).isFalse();
        assertThat(cache.field(longText)).as("still memoized for the inspection").isNotNull();
    }
}
