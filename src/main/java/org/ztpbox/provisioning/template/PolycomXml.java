package org.ztpbox.provisioning.template;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a Poly configuration file the way the phone does: parameters are the attributes of any
 * element, the element names do not matter (polycom-provisioning.md §3.4). The parser refuses a
 * DOCTYPE, so no entity of a file can reach out of it.
 */
public final class PolycomXml {

    private static final SAXParserFactory FACTORY = factory();

    private PolycomXml() {
    }

    /** Not well-formed XML, at a 1-based line and column. */
    public static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        MalformedException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /**
     * Every parameter of the file in document order; of a parameter given twice, the first value.
     *
     * @throws MalformedException when the bytes are not one well-formed XML document
     */
    public static Map<String, String> parameters(byte[] xml) throws MalformedException {
        Map<String, String> parameters = new LinkedHashMap<>();
        try {
            safeParser().parse(new ByteArrayInputStream(xml), new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    for (int i = 0; i < attributes.getLength(); i++) {
                        parameters.putIfAbsent(attributes.getQName(i), attributes.getValue(i));
                    }
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
        } catch (SAXParseException e) {
            throw new MalformedException(Math.max(0, e.getLineNumber()), e.getMessage());
        } catch (SAXException | ParserConfigurationException e) {
            throw new MalformedException(0, e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("reading bytes in memory failed", e);
        }
        return Collections.unmodifiableMap(parameters);
    }

    /** Names of parameters that carry secrets: passwords, keys (private, pre-shared, encryption), PINs. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            ".*(password|passwd|pwd|secret|token|passphrase|psk|key|credentials?|\\.pin)$");
    /** A URL with a password in it ({@code device.prov.serverName="https://user:pass@host/"}). */
    private static final Pattern URL_WITH_PASSWORD = Pattern.compile("^[a-z][a-z0-9+.-]*://[^/@:]*:[^/@]+@.*",
            Pattern.CASE_INSENSITIVE);

    /**
     * True when a parameter holds a credential: a non-empty password, secret, key or PIN
     * ({@code reg.1.auth.password}, {@code device.auth.localAdminPassword},
     * {@code device.sec.configEncryption.key}, {@code device.sec.TLS.customDeviceKey}), or a URL with
     * a password in it; the {@code .set} switches beside them do not count.
     */
    public static boolean holdsCredentials(Map<String, String> parameters) {
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            String name = p.getKey().toLowerCase(Locale.ROOT);
            if (p.getValue().isEmpty() || name.endsWith(".set")) {
                continue;
            }
            if (SECRET_NAME.matcher(name).matches() || URL_WITH_PASSWORD.matcher(p.getValue().trim()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Escapes text for an attribute value or element content. */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                // Kept as references so that a value never adds a line: template lines stay the output's lines.
                case '\n' -> "&#10;";
                case '\r' -> "&#13;";
                case '\t' -> "&#9;";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** True when {@code text} holds a character XML 1.0 cannot carry at all (C0 controls but tab, CR, LF). */
    public static boolean hasForbiddenCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
                return true;
            }
        }
        return false;
    }

    /**
     * A parser for XML from outside: no DTD, no external entities (both refused outright). One
     * factory, configured once, for every caller; a parser is not thread-safe, so each call gets
     * its own.
     */
    public static SAXParser safeParser() throws ParserConfigurationException, SAXException {
        synchronized (FACTORY) {
            return FACTORY.newSAXParser();
        }
    }

    private static SAXParserFactory factory() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(false);
            f.setValidating(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            return f;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a safety feature", e);
        }
    }
}
