package dev.crawlcase.sites.model;

/** A complete normal response: status, content type (may be null), Location (may be null) and body. */
public record Reply(int status, String contentType, String location, byte[] body) {

    public boolean isHtml() {
        return contentType != null && contentType.startsWith("text/html");
    }
}
