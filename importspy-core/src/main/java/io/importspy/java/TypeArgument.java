package io.importspy.java;

/** One argument of a parameterized type: a concrete type or a wildcard. */
public sealed interface TypeArgument permits JavaType, Wildcard {
}
