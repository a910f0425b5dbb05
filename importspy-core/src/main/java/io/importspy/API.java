package io.importspy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import static io.importspy.API.Status.STABLE;

/**
 * How far a public type or member of ImportSpy may be relied on, in the manner of JUnit's {@code @API}.
 * Every public type carries it (a test keeps that true); a member may narrow its type's status.
 *
 * <pre>{@code
 * @API(status = API.Status.STABLE, since = "0.1.0")
 * public final class Spy { ... }
 * }</pre>
 */
@API(status = STABLE, since = "0.1.0")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD, ElementType.PACKAGE})
public @interface API {

    /** The promise the annotated element carries. */
    Status status();

    /** The first version of ImportSpy with the element at this status ({@code "0.1.0"}). */
    String since() default "";

    /** The promises ImportSpy makes about its public elements. */
    enum Status {
        /**
         * Public only so that ImportSpy's own packages reach it: no compatibility promise at all. Such types
         * live in {@code io.importspy.internal.*}, which the core module does not export.
         */
        INTERNAL,
        /** Usable and tested, but its shape may still change in a minor release; said in the release notes. */
        EXPERIMENTAL,
        /** Changes incompatibly only in a major release, after a deprecation. */
        STABLE
    }
}
