package dev.crawlcase.sites.model;

/**
 * A complete normal response: status, content type (may be null), Location (may be null), body, and the
 * {@code X-Robots-Tag} header's value (null: none).
 */
public record Reply(int status, String contentType, String location, byte[] body, String robotsTag) {

    /** A response without an X-Robots-Tag header. */
    public Reply(int status, String contentType, String location, byte[] body) {
        this(status, contentType, location, body, null);
    }

    public boolean isHtml() {
        return contentType != null && contentType.startsWith("text/html");
    }
}
