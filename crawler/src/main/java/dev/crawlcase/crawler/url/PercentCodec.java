package dev.crawlcase.crawler.url;

import java.nio.charset.StandardCharsets;

/**
 * Normalises the percent-encoding of one URL component: escapes of unreserved characters are decoded, the hex of
 * other escapes is upper-cased, a stray '%' becomes "%25", and every character the component does not allow
 * (spaces, '|', controls, non-ASCII as UTF-8) is encoded.
 */
public final class PercentCodec {
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    private static final String SUB_DELIMS = "!$&'()*+,;=";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    static final PercentCodec PATH = new PercentCodec(UNRESERVED + SUB_DELIMS + ":@/");
    static final PercentCodec QUERY = new PercentCodec(UNRESERVED + SUB_DELIMS + ":@/?");

    private final boolean[] allowed = new boolean[128];

    private PercentCodec(String allowedChars) {
        for (char c : allowedChars.toCharArray()) {
            allowed[c] = true;
        }
    }

    String normalize(String s) {
        StringBuilder out = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 128 && allowed[c]) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n + 16).append(s, 0, i);
            }
            if (c == '%' && i + 2 < n && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                int v = hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2));
                if (UNRESERVED.indexOf(v) >= 0) {
                    out.append((char) v);
                } else {
                    appendEscape(out, v);
                }
                i += 2;
            } else if (c < 128) {
                appendEscape(out, c);
            } else {
                int cp = s.codePointAt(i);
                if (Character.isSurrogate(c) && cp == c) {
                    cp = 0xFFFD;
                }
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    appendEscape(out, b & 0xFF);
                }
                i += Character.charCount(cp) - 1;
            }
        }
        return out == null ? s : out.toString();
    }

    private static void appendEscape(StringBuilder out, int b) {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 15]);
    }

    public static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
