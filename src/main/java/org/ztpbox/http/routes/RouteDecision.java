package org.ztpbox.http.routes;

import java.util.List;
import java.util.Map;
import org.ztpbox.core.CatalogEntry;
import org.ztpbox.core.UploadName;

/** What to answer a request with; the server turns it into bytes. */
public sealed interface RouteDecision {

    RequestFacts facts();

    /**
     * Send (part of) a catalog entry: 200, or 206 with {@code contentRange}. The validators are
     * the ones the preconditions were evaluated against.
     *
     * @param lastModified an HTTP-date
     * @param contentRange the Content-Range value of a 206, else null
     */
    record Serve(RequestFacts facts, int status, CatalogEntry entry, long offset, long length, String etag,
                 String lastModified, String contentType, String contentRange) implements RouteDecision {
    }

    /** Receive an upload (PUT) into the phone's upload area. */
    record Upload(RequestFacts facts, UploadName name) implements RouteDecision {
    }

    /**
     * Answer with a status and no content: 304, 4xx. {@code headers} may repeat a name
     * (several WWW-Authenticate challenges), hence a list of pairs.
     */
    record Refuse(RequestFacts facts, int status, String reason, List<Map.Entry<String, String>> headers)
            implements RouteDecision {
    }
}
