package dev.crawlcase.sites.server;

import dev.crawlcase.sites.config.SiteAccess;
import dev.crawlcase.sites.model.Paths;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A site's {@link SiteAccess} at the door: answers 401 or 403 itself when a request lacks what the site asks, sets
 * the cookie on the root page, and counts what it saw, so a test can tell that credentials and cookies really
 * arrived (and when they did not).
 */
final class AccessGate {
    private final SiteAccess access;
    private final CounterBoard counters;
    private final String expectedAuthorization;
    private final String realm;

    AccessGate(String siteName, SiteAccess access, CounterBoard counters) {
        this.access = access;
        this.counters = counters;
        this.realm = siteName;
        this.expectedAuthorization = access.needsCredentials() ? "Basic " + Base64.getEncoder().encodeToString(
                (access.user() + ":" + access.password()).getBytes(StandardCharsets.UTF_8)) : null;
    }

    /** True when the gate answered the request itself (refused it); else the caller serves it. */
    boolean refused(HttpServerRequest request, String target) {
        if (access.needsCredentials()) {
            if (expectedAuthorization.equals(request.getHeader(HttpHeaders.AUTHORIZATION))) {
                counters.countCredentials();
            } else {
                counters.countRefused();
                request.response().setStatusCode(401)
                        .putHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\"").end();
                return true;
            }
        }
        if (access.needsCookie() && !target.equals(Paths.ROBOTS) && !target.equals(Paths.ROOT)) {
            if (hasCookie(request.getHeader(HttpHeaders.COOKIE))) {
                counters.countCookie();
            } else {
                counters.countRefused();
                request.response().setStatusCode(403).end();
                return true;
            }
        }
        return false;
    }

    /** Sets the site's cookie on the root page's response. */
    void onServe(HttpServerResponse response, String target) {
        if (access.needsCookie() && target.equals(Paths.ROOT)) {
            response.putHeader(HttpHeaders.SET_COOKIE, access.cookie() + "; Path=/");
        }
    }

    private boolean hasCookie(String header) {
        if (header == null) {
            return false;
        }
        for (String pair : header.split(";")) {
            if (pair.trim().equals(access.cookie())) {
                return true;
            }
        }
        return false;
    }
}
