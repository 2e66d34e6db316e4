package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM a host imports pins exactly crmkit's published modules at the build's version: what the parent manages
 * for crmkit, but the adapter's test-jar (this build's own test support), and nothing of anyone else's.
 */
class BomTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theBomPinsEveryPublishedCrmkitModuleAtTheBuildsVersionAndNothingElse() throws Exception {
        Document parent = read(ROOT.resolve("pom.xml"));
        Document bom = read(ROOT.resolve("crm-bom/pom.xml"));

        List<String> published = new ArrayList<>(managed(parent, true));
        published.remove("org.crmkit:crm-persistence-mybatis:test-jar");

        assertThat(managed(bom, false)).containsExactlyInAnyOrderElementsOf(published)
                .contains("org.crmkit:crm-core:jar", "org.crmkit:crm-core:test-jar",
                        "org.crmkit:crm-persistence-mybatis:jar", "org.crmkit:crm-import-csv:jar");
        assertThat(text(bom.getDocumentElement(), "version")).isEqualTo(text(parent.getDocumentElement(), "version"));
        assertThat(bom.getElementsByTagName("parent").getLength()).as("no parent: its third-party versions would "
                + "travel with the BOM").isZero();
        assertThat(texts(parent, "module")).contains("crm-bom");
    }

    /** @return group:artifact:type of the managed dependencies, of crmkit's group only when asked */
    private static List<String> managed(Document pom, boolean crmkitOnly) {
        List<String> found = new ArrayList<>();
        Element management = (Element) pom.getElementsByTagName("dependencyManagement").item(0);
        NodeList dependencies = management.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element d = (Element) dependencies.item(i);
            String group = text(d, "groupId");
            if (!crmkitOnly || "org.crmkit".equals(group)) {
                String type = text(d, "type");
                found.add(group + ":" + text(d, "artifactId") + ":" + (type == null ? "jar" : type));
            }
        }
        return found;
    }

    private static String text(Element parent, String child) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(child)) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }

    private static List<String> texts(Document pom, String tag) {
        List<String> found = new ArrayList<>();
        NodeList nodes = pom.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add(nodes.item(i).getTextContent().strip());
        }
        return found;
    }

    private static Document read(Path pom) throws Exception {
        assertThat(pom).exists();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(Files.newInputStream(pom));
    }
}
