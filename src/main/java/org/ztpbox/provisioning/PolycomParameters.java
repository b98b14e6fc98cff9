package org.ztpbox.provisioning;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;
import org.ztpbox.provisioning.template.PolycomXml;

/**
 * Reads the parameters of a Polycom configuration file: every attribute of every element is a
 * parameter named by its dotted attribute name; element names mean nothing to the phone
 * (polycom-provisioning.md §3.4). Uploaded files come from the network, so DTDs and external
 * entities are refused outright.
 */
public final class PolycomParameters {

    /** Beyond this many parameters the file is not an override a phone wrote. */
    private static final int MAX_PARAMETERS = 20_000;

    private PolycomParameters() {
    }

    /**
     * Parameter name to value in document order; a name given twice keeps its first value (the
     * phone's choice is not documented; the first is what CONFIG_FILES precedence would pick).
     *
     * @throws IllegalArgumentException when the content is not a readable XML configuration file
     *                                  (an encrypted file, a truncated upload), saying why
     */
    public static Map<String, String> parse(byte[] content) {
        if (content.length > 0 && startsWithCryptHeader(content)) {
            throw new IllegalArgumentException("the file is encrypted (Crypt= header); its parameters cannot be read");
        }
        Map<String, String> out = new LinkedHashMap<>();
        try {
            PolycomXml.safeParser().parse(new ByteArrayInputStream(content), new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes)
                        throws SAXException {
                    for (int i = 0; i < attributes.getLength(); i++) {
                        out.putIfAbsent(attributes.getQName(i), attributes.getValue(i));
                    }
                    if (out.size() > MAX_PARAMETERS) {
                        throw new SAXException("more than " + MAX_PARAMETERS + " parameters");
                    }
                }
            });
        } catch (SAXException e) {
            throw new IllegalArgumentException("not a readable configuration file: " + e.getMessage(), e);
        } catch (IOException | ParserConfigurationException e) {
            throw new IllegalArgumentException("cannot read the configuration file: " + e.getMessage(), e);
        }
        return Collections.unmodifiableMap(out);
    }

    private static boolean startsWithCryptHeader(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 16), StandardCharsets.ISO_8859_1);
        return head.stripLeading().startsWith("Crypt=");
    }
}
