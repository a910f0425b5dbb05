import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the build's own rules that Maven does not: every dependency and plugin version is managed in
 * the root POM ({@code pom.xml}), so a module POM names no versions of its own; any other version a
 * module writes (a plugin's artifact items, annotation processor paths) is a property of the root POM;
 * the examples may manage their own artifacts, which depend on each other, and name an artifact of this build
 * (the Maven plugin, an example extension as its dependency) by the property of its version; {@code importspy.version}
 * equals the project's version. It reads the reactor (the root POM and its modules, recursively), not the
 * test projects of the Maven plugin's or AssertJ module's integration tests. Run from the repository root: {@code java .ci/BuildConventions.java}.
 * Prints one line per breach and exits 1 when there is any.
 */
public class BuildConventions {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        List<Path> poms = new ArrayList<>();
        collectModules(root.resolve("pom.xml"), poms);
        Element rootPom = parse(root.resolve("pom.xml"));
        Set<String> rootProperties = new HashSet<>();
        Element properties = child(rootPom, "properties");
        if (properties != null) {
            for (Element property : children(properties)) {
                rootProperties.add(property.getTagName());
            }
        }
        Set<String> reactorArtifacts = new HashSet<>();
        for (Path pom : poms) {
            Element project = parse(pom);
            reactorArtifacts.add(groupId(project) + ":" + text(project, "artifactId"));
        }

        List<String> breaches = new ArrayList<>();
        String projectVersion = text(rootPom, "version");
        String declared = properties == null ? null : text(properties, "importspy.version");
        if (!projectVersion.equals(declared)) {
            breaches.add("pom.xml: property importspy.version is " + declared + ", not the project's version "
                    + projectVersion);
        }
        for (Path pom : poms) {
            if (pom.equals(root.resolve("pom.xml"))) {
                continue;
            }
            String name = root.relativize(pom).toString();
            Element project = parse(pom);
            for (Element version : descendants(project, "version")) {
                Element owner = (Element) version.getParentNode();
                String where = name + ": " + describe(owner);
                String value = version.getTextContent().trim();
                if (owner == project || owner.getTagName().equals("parent")) {
                    continue;
                }
                if (isManaged(owner) && reactorArtifacts.contains(text(owner, "groupId") + ":" + text(owner, "artifactId"))) {
                    continue;
                }
                if (reactorArtifacts.contains(text(owner, "groupId") + ":" + text(owner, "artifactId"))
                        && value.startsWith("${") && value.endsWith("}")) {
                    continue; // an artifact of this build (an example using the Maven plugin), by its version property
                }
                if (owner.getTagName().equals("dependency") || owner.getTagName().equals("plugin")) {
                    breaches.add(where + " declares version " + value + "; manage it in the root pom.xml");
                } else if (!(value.startsWith("${") && value.endsWith("}")
                        && rootProperties.contains(value.substring(2, value.length() - 1)))) {
                    breaches.add(where + " writes version " + value + "; use a property of the root pom.xml");
                }
            }
        }
        breaches.forEach(System.out::println);
        if (!breaches.isEmpty()) {
            System.exit(1);
        }
        System.out.println("build conventions: " + poms.size() + " POMs checked, every version managed in pom.xml");
    }

    /** The POM and, following its {@code <modules>}, every module's: the reactor, not test projects under src/it. */
    private static void collectModules(Path pom, List<Path> poms) throws Exception {
        poms.add(pom);
        Element modules = child(parse(pom), "modules");
        if (modules != null) {
            for (Element module : children(modules)) {
                collectModules(pom.getParent().resolve(module.getTextContent().trim()).resolve("pom.xml").normalize(), poms);
            }
        }
    }

    private static boolean isManaged(Element dependency) {
        Node list = dependency.getParentNode();
        return list != null && list.getParentNode() instanceof Element management
                && management.getTagName().equals("dependencyManagement");
    }

    private static String describe(Element owner) {
        String artifact = text(owner, "artifactId");
        return owner.getTagName() + (artifact == null ? "" : " " + text(owner, "groupId") + ":" + artifact);
    }

    private static String groupId(Element project) {
        String own = text(project, "groupId");
        return own != null ? own : text(child(project, "parent"), "groupId");
    }

    private static Element parse(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(pom.toFile());
        return document.getDocumentElement();
    }

    private static List<Element> children(Element parent) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                result.add(element);
            }
        }
        return result;
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Element element : children(parent)) {
            if (element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().trim();
    }

    private static List<Element> descendants(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Element element : children(parent)) {
            if (element.getTagName().equals(name)) {
                result.add(element);
            }
            result.addAll(descendants(element, name));
        }
        return result;
    }
}
