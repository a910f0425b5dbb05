package io.importspy.internal.yaml;

import io.importspy.API;

import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.JsonSchema;
import org.snakeyaml.engine.v2.schema.Schema;

import java.util.Map;

import static io.importspy.API.Status.INTERNAL;

/**
 * YAML 1.2's JSON schema, as SnakeYAML's {@code JsonSchema} (the default of what it writes), with its plain scalars'
 * tags resolved without regular expressions ({@link JsonScalars}): what ImportSpy writes is quoted where SnakeYAML's
 * own schema would quote it. Its constructors are SnakeYAML's own, made only if something asks for them.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class JsonYamlSchema implements Schema {
    private static final ScalarResolver SCALARS = new JsonScalars();

    @Override
    public ScalarResolver getScalarResolver() {
        return SCALARS;
    }

    @Override
    public Map<Tag, ConstructNode> getSchemaTagConstructors() {
        return new JsonSchema().getSchemaTagConstructors();
    }
}
