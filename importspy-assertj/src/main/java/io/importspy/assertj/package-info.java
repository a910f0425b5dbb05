/**
 * AssertJ assertions for JUnit tests: {@code assertThat(jar).compliesWith(contract)} fails with ImportSpy's
 * text report. Start from {@link io.importspy.assertj.ImportSpyAssertions}.
 */
package io.importspy.assertj;
