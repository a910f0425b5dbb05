/**
 * ImportSpy's one way into YAML input (contracts, policies, baselines, recorded runtimes): the bounded read of
 * bytes, their strict UTF-8 decoding, and the limits on lines, values, nesting, nodes and aliases, checked
 * before a tree is built. Public only so that ImportSpy's other packages reach it. Not exported by the core
 * module; do not depend on it, it changes without notice.
 */
@API(status = INTERNAL, since = "0.1.0")
package io.importspy.internal.yaml;

import io.importspy.API;

import static io.importspy.API.Status.INTERNAL;
