/**
 * Java-language vocabulary shared by contracts and facts: {@link io.importspy.java.JavaType} (a type as source
 * writes it, generics included), {@link io.importspy.java.ClassKind} and {@link io.importspy.java.Modifier}.
 * Immutable values.
 *
 * <p>Promise: experimental; the names and source forms ({@code Map<String, ? extends Number>}) are stable.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
package io.importspy.java;

import io.importspy.API;

import static io.importspy.API.Status.EXPERIMENTAL;
