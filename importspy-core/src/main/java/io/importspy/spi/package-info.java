/**
 * Extension points: what a JAR adds to ImportSpy without changing it. An {@link io.importspy.spi.Extension} is
 * found with {@link java.util.ServiceLoader} ({@code META-INF/services/io.importspy.spi.Extension}) and is one of
 * two kinds: a {@link io.importspy.spi.Extension.Section}, which owns an {@code x-} contract key and checks it as
 * the built-in sections are checked (it is a {@link io.importspy.validate.Rule}), or a
 * {@link io.importspy.spi.Extension.FactSource}, which adds facts of the running JVM that deployments can require
 * under {@code facts:}.
 *
 * <p>Promise: experimental; the shape may still change in a minor release.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
package io.importspy.spi;

import io.importspy.API;

import static io.importspy.API.Status.EXPERIMENTAL;
