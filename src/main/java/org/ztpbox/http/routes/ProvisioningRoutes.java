package org.ztpbox.http.routes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ztpbox.core.CatalogEntry;
import org.ztpbox.core.FileCatalog;
import org.ztpbox.core.FileRequest;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.UploadName;
import org.ztpbox.http.UserAgent;
import org.ztpbox.http.auth.AuthResult;
import org.ztpbox.http.auth.Authenticator;
import org.ztpbox.http.auth.Identity;

/**
 * Decides every request: method (405), target (400/404), client certificate (403), credentials
 * (401), per-phone isolation (403), then GET/HEAD from the catalog with conditional requests and
 * ranges, or PUT into the upload area. Pure apart from the catalog lookup; thread-safe.
 */
public final class ProvisioningRoutes {

    private static final Map.Entry<String, String> ALLOW = Map.entry("Allow", "GET, HEAD, PUT");
    private static final int DATE_MEMO_LIMIT = 4096;

    private final String prefix;
    private final FileCatalog catalog;
    private final Authenticator authenticator;
    private final FamilyTrees trees;
    // Files share few distinct modification seconds, and formatting the HTTP-date is the costly part
    // of serving a small file's validators: remember the texts (bounded; cleared when full).
    private final ConcurrentHashMap<Long, String> lastModifiedTexts = new ConcurrentHashMap<>();

    /** @param prefix the served path, starting and ending with '/' */
    public ProvisioningRoutes(String prefix, FileCatalog catalog, Authenticator authenticator, FamilyTrees trees) {
        this.prefix = prefix;
        this.catalog = catalog;
        this.authenticator = authenticator;
        this.trees = trees;
    }

    public String prefix() {
        return prefix;
    }

    public RouteDecision route(Exchange x) {
        UserAgent agent = UserAgent.parse(x.header("User-Agent"));
        MacAddress serial = agent == null ? null : agent.serial();
        String method = x.method();
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("PUT")) {
            return refuse(new RequestFacts(null, agent, Identity.ANONYMOUS, serial, "-"), 405, "method " + method,
                    List.of(ALLOW));
        }
        RequestTarget.Resolved target = RequestTarget.resolve(x.target(), prefix);
        if (!target.ok()) {
            return refuse(new RequestFacts(null, agent, Identity.ANONYMOUS, serial, "-"), target.status(),
                    target.refusal(), List.of());
        }
        String name = target.name();
        MacAddress fileMac = MacInPath.of(name);
        MacAddress certificateMac = null;
        if (x.certificate() != null) {
            if (!x.certificate().accepted()) {
                return refuse(new RequestFacts(name, agent, Identity.ANONYMOUS, first(serial, fileMac), "certificate"),
                        403, "client certificate: " + x.certificate().refusal(), List.of());
            }
            certificateMac = x.certificate().mac();
        }
        String client = authenticator.required() ? x.client().toString() : null;
        AuthResult auth = authenticator.authenticate(client, method, x.target(), x.header("Authorization"));
        if (auth instanceof AuthResult.Challenge challenge) {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (String c : authenticator.challenges(client, challenge.stale())) {
                headers.add(Map.entry("WWW-Authenticate", c));
            }
            Identity tried = new Identity(challenge.user(), null, "-");
            return refuse(new RequestFacts(name, agent, tried, first(certificateMac, first(serial, fileMac)),
                    challenge.reason()), 401, challenge.reason(), headers);
        }
        Identity identity = ((AuthResult.Granted) auth).identity();
        MacAddress phone = first(certificateMac, first(identity.mac(), first(serial, fileMac)));
        RequestFacts facts = new RequestFacts(name, agent, identity, phone, authenticator.required() ? "ok" : "none");
        String refusal = AccessPolicy.refusal(fileMac, identity, certificateMac, authenticator.perPhone());
        if (refusal != null) {
            return refuse(facts, 403, refusal, List.of());
        }
        if (method.equals("PUT")) {
            Optional<UploadName> upload = UploadName.parse(name);
            return upload.<RouteDecision>map(u -> new RouteDecision.Upload(facts, u))
                    .orElseGet(() -> refuse(facts, 403, "not a name phones upload", List.of()));
        }
        // Proven: a verified certificate or per-phone credentials (then phone is theirs); not the path or serial.
        boolean identified = certificateMac != null || identity.boundToPhone();
        return serve(x, facts, lookup(x, name, agent, phone, identified));
    }

    private Optional<CatalogEntry> lookup(Exchange x, String name, UserAgent agent, MacAddress phone,
            boolean identified) {
        for (String candidate : trees.candidates(name, agent)) {
            Optional<CatalogEntry> entry = catalog.find(new FileRequest(candidate, x.client(), phone, x.transport(),
                    x.header("User-Agent"), identified));
            if (entry.isPresent()) {
                return entry;
            }
        }
        return Optional.empty();
    }

    private RouteDecision serve(Exchange x, RequestFacts facts, Optional<CatalogEntry> found) {
        if (found.isEmpty()) {
            return refuse(facts, 404, "no such file", List.of());
        }
        CatalogEntry entry = found.get();
        String etag = entry.etag(); // generated content may compute it: ask once
        Instant modified = entry.lastModified();
        String lastModified = httpDate(modified.getEpochSecond());
        Preconditions.Conditions conditions = new Preconditions.Conditions(x.header("If-Match"),
                x.header("If-None-Match"), x.header("If-Modified-Since"), x.header("If-Unmodified-Since"));
        switch (Preconditions.evaluate(conditions, true, etag, modified)) {
            case NOT_MODIFIED:
                return refuse(facts, 304, "not modified",
                        List.of(Map.entry("ETag", etag), Map.entry("Last-Modified", lastModified)));
            case FAILED:
                return refuse(facts, 412, "precondition failed", List.of());
            default:
                break;
        }
        String type = ContentTypes.of(entry.name());
        ByteRange.Outcome range = x.method().equals("GET")
                && Preconditions.rangeApplies(x.header("If-Range"), etag, modified)
                ? ByteRange.evaluate(x.header("Range"), entry.size()) : new ByteRange.Whole();
        if (range instanceof ByteRange.Unsatisfiable) {
            return refuse(facts, 416, "range not satisfiable",
                    List.of(Map.entry("Content-Range", "bytes */" + entry.size())));
        }
        if (range instanceof ByteRange.Part part) {
            return new RouteDecision.Serve(facts, 206, entry, part.range().first(), part.range().length(), etag,
                    lastModified, type, part.range().contentRange(entry.size()));
        }
        return new RouteDecision.Serve(facts, 200, entry, 0, entry.size(), etag, lastModified, type, null);
    }

    private String httpDate(long second) {
        String text = lastModifiedTexts.get(second);
        if (text == null) {
            text = HttpDates.format(Instant.ofEpochSecond(second));
            if (lastModifiedTexts.size() >= DATE_MEMO_LIMIT) {
                lastModifiedTexts.clear();
            }
            lastModifiedTexts.put(second, text);
        }
        return text;
    }

    private static RouteDecision refuse(RequestFacts facts, int status, String reason,
                                        List<Map.Entry<String, String>> headers) {
        return new RouteDecision.Refuse(facts, status, reason, headers);
    }

    private static MacAddress first(MacAddress a, MacAddress b) {
        return a != null ? a : b;
    }
}
