package io.importspy.internal.yaml;

import io.importspy.API;

import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

import java.util.Map;

import static io.importspy.API.Status.INTERNAL;

/**
 * YAML 1.2's core schema, as SnakeYAML's {@code CoreSchema}, with its plain scalars' tags resolved without regular
 * expressions ({@link CoreScalars}). ImportSpy reads events and trees, never SnakeYAML's constructed objects, so the
 * schema's constructors are SnakeYAML's own, made only if something asks for them.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class CoreYamlSchema implements Schema {
    private static final ScalarResolver SCALARS = new CoreScalars();

    @Override
    public ScalarResolver getScalarResolver() {
        return SCALARS;
    }

    @Override
    public Map<Tag, ConstructNode> getSchemaTagConstructors() {
        return new CoreSchema().getSchemaTagConstructors();
    }
}
