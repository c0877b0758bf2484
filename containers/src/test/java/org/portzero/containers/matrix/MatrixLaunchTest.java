package org.portzero.containers.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.portzero.model.RunnerProperty;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The matrix JVM that {@code java -jar portzero.jar matrix} starts gets what {@code mvn verify} gives
 * it: this module's pom and {@link MatrixLaunch} name the same environment and logging settings, and
 * every {@code portzero.*} property the pom passes is a {@link MatrixProperty} or a forwarded
 * {@link RunnerProperty}.
 */
class MatrixLaunchTest {

    private static final String EXECUTION = "//execution[id='platform-matrix']/configuration/";

    @Test
    void thePomsMatrixExecutionHasTheLaunchersEnvironmentAndLogging() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        Map<String, String> environment = new LinkedHashMap<>();
        for (Node n : nodes(pom, EXECUTION + "environmentVariables/*")) {
            environment.put(n.getNodeName(), n.getTextContent().strip());
        }
        List<String> arguments = nodes(pom, EXECUTION + "arguments/argument").stream()
                .map(n -> n.getTextContent().strip()).toList();

        assertThat(environment).isEqualTo(MatrixLaunch.TESTCONTAINERS_ENVIRONMENT);
        assertThat(arguments.stream().filter(a -> a.startsWith("-Dorg.slf4j"))).containsExactlyElementsOf(MatrixLaunch.LOGGING);
        List<String> known = Stream.concat(Arrays.stream(MatrixProperty.values()).map(MatrixProperty::key),
                RunnerProperty.FORWARDED.stream().map(RunnerProperty::key)).toList();
        List<String> passed = arguments.stream().filter(a -> a.startsWith("-Dportzero."))
                .map(a -> a.substring(2, a.indexOf('='))).toList();
        assertThat(known).containsAll(passed);
        assertThat(passed).as("the pom passes every matrix property but the mirror").containsAll(
                Arrays.stream(MatrixProperty.values()).filter(p -> p != MatrixProperty.DEBIAN_MIRROR)
                        .map(MatrixProperty::key).toList());
    }

    private static List<Node> nodes(Document pom, String xpath) throws Exception {
        NodeList list = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, pom, XPathConstants.NODESET);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            nodes.add(list.item(i));
        }
        return nodes;
    }
}
