package io.importspy.example.pipeline;

/**
 * Base class of every pipeline plugin. The pipeline host finds plugins through
 * {@link java.util.ServiceLoader} and requires them to satisfy its import contract.
 */
public abstract class Plugin {
    /** Version of the plugin API this base class belongs to. */
    public static final String API_VERSION = "1.0";

    /** Name of the plugin, shown by the host. */
    protected String pluginName = "unnamed";

    /** Called once by the host before the pipeline starts. */
    public void start() {
    }

    /** Called once by the host after the pipeline ends. */
    public void stop() {
    }
}
