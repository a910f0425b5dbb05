package io.importspy.internal.contract;

import io.importspy.API;
import io.importspy.contract.Location;
import io.importspy.contract.SpyModel;
import io.importspy.internal.spi.Extensions;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static io.importspy.API.Status.INTERNAL;

/**
 * The built-in sections of a contract, and the way to a {@link SpyModel} made of them. A section the
 * contract leaves out reads as empty: no module requirement, no classes, no deployments.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class Sections {
    private Sections() {
    }

    /**
     * The {@code classes:} section.
     *
     * @param classes class requirements in contract order
     */
    public record Classes(List<ClassSpec> classes) {
        public Classes {
            classes = List.copyOf(classes);
        }
    }

    /**
     * The {@code deployments:} section.
     *
     * @param deployments runtime requirements; the runtime must satisfy at least one (none: not checked)
     * @param facts       the extensions the contract was read with, whose fact sources give the {@code facts:}
     *                    the deployments require
     */
    public record Deployments(List<DeploymentSpec> deployments, Extensions facts) {
        public Deployments {
            deployments = List.copyOf(deployments);
            Objects.requireNonNull(facts, "facts");
        }

        /** Deployments whose facts come from the {@linkplain Extensions#installed() installed} extensions. */
        public Deployments(List<DeploymentSpec> deployments) {
            this(deployments, Extensions.installed());
        }
    }

    /**
     * The {@code x-} sections, each read by the extension that owns it.
     *
     * @param sections in contract order
     */
    public record Extended(List<ExtensionSection> sections) {
        public Extended {
            sections = List.copyOf(sections);
        }
    }

    /** A format-1 model with the three built-in sections ({@code module:} is {@link ModuleSpec#empty} when absent). */
    public static SpyModel model(ModuleSpec module, List<ClassSpec> classes, List<DeploymentSpec> deployments,
                                 Location location) {
        return model(module, classes, deployments, List.of(), location);
    }

    /** A format-1 model with the built-in sections and {@code more} (references, integrity, ...). */
    public static SpyModel model(ModuleSpec module, List<ClassSpec> classes, List<DeploymentSpec> deployments,
                                 List<?> more, Location location) {
        Objects.requireNonNull(module, "module");
        List<Object> sections = new java.util.ArrayList<>(List.of(module, new Classes(classes),
                new Deployments(deployments)));
        sections.addAll(more);
        return SpyModel.of(1, location, sections);
    }

    /** The integrity requirements of {@code module:} (digest, signatures); none when it has none. */
    public static IntegritySpec integrity(SpyModel model) {
        return model.section(IntegritySpec.class).orElse(IntegritySpec.none());
    }

    /** The {@code references:} section, when the contract has one. */
    public static Optional<ReferencesSpec> references(SpyModel model) {
        return model.section(ReferencesSpec.class);
    }

    /** The module's identity requirements; empty when the contract has no {@code module:}. */
    public static ModuleSpec module(SpyModel model) {
        Optional<ModuleSpec> module = model.section(ModuleSpec.class);
        return module.isPresent() ? module.get() : ModuleSpec.empty(model.location());
    }

    /** The class requirements, in contract order. */
    public static List<ClassSpec> classes(SpyModel model) {
        Optional<Classes> classes = model.section(Classes.class);
        return classes.isPresent() ? classes.get().classes() : List.of();
    }

    /** The extensions whose fact sources give what the deployments require: those the contract was read with. */
    public static Extensions factSources(SpyModel model) {
        Optional<Deployments> deployments = model.section(Deployments.class);
        return deployments.isPresent() ? deployments.get().facts() : Extensions.installed();
    }

    /** The deployments; empty when the contract has none (the runtime is then not checked). */
    public static List<DeploymentSpec> deployments(SpyModel model) {
        Optional<Deployments> deployments = model.section(Deployments.class);
        return deployments.isPresent() ? deployments.get().deployments() : List.of();
    }
}
