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

    @Test
    void a_class_signature_is_parsed_once_and_its_types_are_immutable() {
        String signature = "<E:Ljava/lang/Object;>Ljava/util/AbstractList<TE;>;Ljava/util/RandomAccess;Lcached/Once<TE;>;";
        Signatures.ClassTypes first = Signatures.classTypes(signature, new Signatures.Cache());

        assertThat(Signatures.classTypes(signature, new Signatures.Cache())).as("another inspection").isSameAs(first);
        assertThat(Signatures.classTypes(signature, Signatures.Cache.SHARED)).isSameAs(first);
        assertThat(Signatures.Cache.shared(signature)).isTrue();
        assertThat(first.interfaces()).extracting(t -> t.name()).containsExactly("java.util.RandomAccess", "cached.Once");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> first.interfaces().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void the_process_wide_cache_alone_memoizes_what_fits_and_parses_the_rest_each_time() {
        String method = "(Ljava/lang/String;Lshared/Only;)V";
        String longText = "(L" + "y/".repeat(200) + "Long;)V";

        Signatures.MethodTypes types = Signatures.methodTypes(method, Signatures.Cache.SHARED);
        assertThat(Signatures.methodTypes(method, new Signatures.Cache())).isSameAs(types);
        assertThat(Signatures.methodTypes(longText, Signatures.Cache.SHARED).parameters()).hasSize(1);
        assertThat(Signatures.Cache.shared(longText)).isFalse();
    }
}
