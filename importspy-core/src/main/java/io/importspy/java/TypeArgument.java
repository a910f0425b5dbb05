package io.importspy.java;

import io.importspy.API;

import static io.importspy.API.Status.EXPERIMENTAL;

/** One argument of a parameterized type: a concrete type or a wildcard. */
@API(status = EXPERIMENTAL, since = "0.1.0")
public sealed interface TypeArgument permits JavaType, Wildcard {
}
