package dev.crawlcase.crawler.url;

import java.util.Locale;

/**
 * The one rule for which hosts a crawl may reach without opening the network: loopback (127.0.0.0/8,
 * {@code localhost}, {@code ::1} in any spelling) and the reserved {@code .invalid} domain, decided from the host's
 * text alone, never by resolving a name. Seeds (config), the frontier and the fetchers all ask this class, so a
 * host accepted as a seed is never refused at fetch time.
 *
 * <p>Hosts are read as {@link UrlNormalizer} writes them (lower case, IPv6 in brackets, no trailing dot); other
 * spellings (upper case, a trailing dot, IPv6 without brackets or uncompressed) are accepted too.
 */
public final class HostRule {
    private HostRule() {
    }

    /** True for 127.0.0.0/8 written as a dotted quad, "localhost" and the IPv6 loopback. */
    public static boolean isLoopback(String host) {
        String h = bare(host);
        if (h == null) {
            return false;
        }
        if (h.equals("localhost")) {
            return true;
        }
        if (h.indexOf(':') >= 0) {
            int[] groups = ipv6Groups(h);
            if (groups == null) {
                return false;
            }
            for (int i = 0; i < 7; i++) {
                if (groups[i] != 0) {
                    return false;
                }
            }
            return groups[7] == 1;
        }
        return isDottedQuad(h) && h.startsWith("127.");
    }

    /**
     * The address a loopback <em>name</em> stands for, so a client can connect without resolving it: "localhost"
     * (any case, with or without the root dot) is 127.0.0.1 (RFC 6761 section 6.3 lets a client answer it itself;
     * a resolver asked instead may ask DNS, and whatever DNS answers would be fetched). Null for every other host,
     * literals included (they need no lookup).
     */
    public static String loopbackNameAddress(String host) {
        return "localhost".equals(bare(host)) ? "127.0.0.1" : null;
    }

    /** {@code invalid} and its subdomains: guaranteed not to exist, so never worth a DNS query (RFC 6761 6.4). */
    public static boolean isReservedInvalid(String host) {
        String h = bare(host);
        return h != null && (h.equals("invalid") || h.endsWith(".invalid"));
    }

    /**
     * The canonical text of an IPv6 literal (without brackets): lower case, leading zeros dropped, the longest run
     * of two or more zero groups written as "::" (RFC 5952); null when it is not a plain IPv6 address (embedded
     * IPv4 and zone ids are kept as they are by returning the input lower-cased).
     */
    public static String canonicalIpv6(String inner) {
        String h = inner.toLowerCase(Locale.ROOT);
        if (h.indexOf('.') >= 0 || h.indexOf('%') >= 0) {
            return h;
        }
        int[] g = ipv6Groups(h);
        if (g == null) {
            return null;
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLen - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(g[i]));
        }
        return out.toString();
    }

    /** Lower case, without brackets and without one trailing dot; null for null or empty. */
    private static String bare(String host) {
        if (host == null || host.isEmpty()) {
            return null;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        } else if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.isEmpty() ? null : h;
    }

    private static boolean isDottedQuad(String h) {
        String[] octets = h.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String o : octets) {
            if (o.isEmpty() || o.length() > 3 || !o.chars().allMatch(Character::isDigit) || Integer.parseInt(o) > 255) {
                return false;
            }
        }
        return true;
    }

    /** The eight 16-bit groups of a plain IPv6 address, or null when it is not one. */
    private static int[] ipv6Groups(String h) {
        int gap = h.indexOf("::");
        if (gap >= 0 && h.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap < 0 ? h : h.substring(0, gap);
        String tail = gap < 0 ? "" : h.substring(gap + 2);
        String[] left = head.isEmpty() ? new String[0] : head.split(":", -1);
        String[] right = tail.isEmpty() ? new String[0] : tail.split(":", -1);
        int groups = left.length + right.length;
        if (gap < 0 ? groups != 8 : groups > 7) {
            return null;
        }
        int[] out = new int[8];
        for (int i = 0; i < left.length; i++) {
            if ((out[i] = group(left[i])) < 0) {
                return null;
            }
        }
        for (int i = 0; i < right.length; i++) {
            if ((out[8 - right.length + i] = group(right[i])) < 0) {
                return null;
            }
        }
        return out;
    }

    private static int group(String g) {
        if (g.isEmpty() || g.length() > 4 || !g.chars().allMatch(c -> PercentCodec.hex((char) c) >= 0)) {
            return -1;
        }
        return Integer.parseInt(g, 16);
    }
}
