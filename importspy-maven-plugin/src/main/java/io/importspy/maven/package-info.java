/**
 * The ImportSpy Maven plugin: goal {@code check} (bound to {@code verify}) validates the project's artifact
 * against an import contract, a file or one a dependency publishes at {@code META-INF/importspy/*.yml};
 * goal {@code inspect} writes a starting contract of the artifact. Both are thread-safe and keep no state
 * between executions.
 */
package io.importspy.maven;
