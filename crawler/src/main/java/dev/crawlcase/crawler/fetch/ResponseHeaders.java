package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.ResponseCapture.Header;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parses the response header values both fetchers care about: media type, charset and Retry-After. */
final class ResponseHeaders {

    private ResponseHeaders() {
    }

    /**
     * Every header line, names in lower case and sorted by name, values of one name in arrival order: the one form
     * both clients can give (the JDK client hands over a map sorted by name).
     */
    static List<Header> lines(Iterable<? extends Map.Entry<String, String>> entries) {
        List<Header> lines = new ArrayList<>();
        for (Map.Entry<String, String> e : entries) {
            lines.add(new Header(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
        }
        lines.sort(Comparator.comparing(Header::name)); // stable: one name's values keep their order
        return lines;
    }

    /** "Text/HTML; charset=UTF-8" gives "text/html"; null or blank gives null. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        String type = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        return type.isEmpty() ? null : type;
    }

    /** The charset parameter of a Content-Type value, unquoted, or null. */
    static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].trim();
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).trim().equalsIgnoreCase("charset")) {
                String value = param.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    static boolean isHtml(String mediaType) {
        return "text/html".equals(mediaType) || "application/xhtml+xml".equals(mediaType);
    }

    /**
     * Retry-After as milliseconds from {@code nowMillis}: delta-seconds or an HTTP-date (a past date gives 0);
     * absent or unparseable gives -1.
     */
    static long retryAfterMs(String value, long nowMillis) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Math.multiplyExact(Long.parseLong(v), 1000L);
            } catch (ArithmeticException | NumberFormatException e) {
                return Long.MAX_VALUE;
            }
        }
        try {
            long at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            return Math.max(0, at - nowMillis);
        } catch (DateTimeParseException e) {
            return -1;
        }
    }
}
