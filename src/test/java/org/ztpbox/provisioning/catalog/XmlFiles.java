package org.ztpbox.provisioning.catalog;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reads configuration files with the JDK's DOM parser, independent of the code under test. */
public final class XmlFiles {

    private XmlFiles() {
    }

    /** Every attribute of every element, first value kept; fails the test when the bytes are not well-formed XML. */
    public static Map<String, String> parameters(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
            Map<String, String> parameters = new LinkedHashMap<>();
            collect(root, parameters);
            return parameters;
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + new String(xml,
                    java.nio.charset.StandardCharsets.UTF_8), e);
        }
    }

    private static void collect(Element element, Map<String, String> parameters) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            parameters.putIfAbsent(attributes.item(i).getNodeName(), attributes.item(i).getNodeValue());
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i).getNodeType() == Node.ELEMENT_NODE) {
                collect((Element) children.item(i), parameters);
            }
        }
    }
}
