/**
 * The render stage: a {@link io.importspy.validate.Report} as text for people ({@link io.importspy.report.TextReport}),
 * JSON ({@link io.importspy.report.JsonReport}), SARIF 2.1.0 ({@link io.importspy.report.SarifReport}) or JUnit XML
 * ({@link io.importspy.report.JUnitReport}). Stateless functions, safe from any thread.
 *
 * <p>Promise: the JSON, SARIF and JUnit shapes change only by adding members; the text layout may be refined.
 */
@API(status = STABLE, since = "0.1.0")
package io.importspy.report;

import io.importspy.API;

import static io.importspy.API.Status.STABLE;
