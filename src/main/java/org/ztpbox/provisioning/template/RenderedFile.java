package org.ztpbox.provisioning.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A configuration file rendered from a template: its bytes (UTF-8, well-formed XML) and the
 * parameters they set, in document order.
 *
 * @param holdsCredentials true when a secret variable went in, or a password, secret or key parameter
 *                         has a value (see {@link PolycomXml#holdsCredentials})
 */
public record RenderedFile(byte[] bytes, Map<String, String> parameters, boolean holdsCredentials) {

    public RenderedFile {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
