package dev.crawlcase.sites.model;

import java.util.Locale;
import java.util.Map;

/** Writes a link's href in its {@link LinkForm}, given the real base URL of every site. */
final class HrefWriter {
    private final Map<String, String> baseUrls;

    HrefWriter(Map<String, String> baseUrls) {
        this.baseUrls = baseUrls;
    }

    String absolute(Ref ref) {
        return ref.absolute(baseUrl(ref.site()));
    }

    String href(Link link, Resource.Page page) {
        if (link.isRaw()) {
            return link.raw();
        }
        Ref target = link.target();
        boolean sameSite = target.site().equals(page.self().site());
        String absolute = absolute(target);
        return switch (link.form()) {
            case ABSOLUTE -> absolute;
            // the scheme's length differs between http and https worlds
            case UPPER_SCHEME -> absolute.substring(0, absolute.indexOf(':')).toUpperCase(Locale.ROOT)
                    + absolute.substring(absolute.indexOf(':'));
            case PROTOCOL_RELATIVE -> absolute.substring(absolute.indexOf("//"));
            case ROOT -> sameSite ? target.target() : absolute;
            case RELATIVE -> sameSite ? relative(baseDirectory(page), target) : absolute;
            case FRAGMENT -> (sameSite ? target.target() : absolute) + "#part-2";
            case PERCENT -> sameSite ? percentEncoded(target.target()) : absolute;
            case QUERY_ONLY -> "?" + target.query();
            case EMPTY -> "";
            case HASH_ONLY -> "#top";
        };
    }

    private String baseUrl(String site) {
        String base = baseUrls.get(site);
        if (base == null) {
            throw new IllegalStateException("no base URL for site " + site);
        }
        return base;
    }

    private static String baseDirectory(Resource.Page page) {
        return page.base() != null ? page.base().directory() : page.self().directory();
    }

    /** The shortest {@code ../}-style path from directory {@code fromDir} to {@code target}. */
    static String relative(String fromDir, Ref target) {
        String[] from = fromDir.substring(1).split("/");
        String path = target.path();
        String[] to = path.substring(1).split("/", -1);
        int common = 0;
        int fromLength = fromDir.equals("/") ? 0 : from.length;
        while (common < fromLength && common < to.length - 1 && from[common].equals(to[common])) {
            common++;
        }
        StringBuilder out = new StringBuilder();
        for (int i = common; i < fromLength; i++) {
            out.append("../");
        }
        for (int i = common; i < to.length; i++) {
            out.append(to[i]).append(i < to.length - 1 ? "/" : "");
        }
        if (out.length() == 0) {
            out.append("./");
        }
        String query = target.query();
        return query == null ? out.toString() : out + "?" + query;
    }

    /** Percent-encodes the first character of the last path segment (always unreserved in our paths). */
    private static String percentEncoded(String target) {
        int slash = target.lastIndexOf('/', target.indexOf('?') < 0 ? target.length() - 1 : target.indexOf('?'));
        int at = slash + 1;
        if (at >= target.length() || !Character.isLetterOrDigit(target.charAt(at))) {
            return target;
        }
        return target.substring(0, at) + String.format("%%%02X", (int) target.charAt(at)) + target.substring(at + 1);
    }
}
