package dev.crawlcase.sites.config;

import dev.crawlcase.json.ConfigException;

import java.util.regex.Pattern;

/**
 * What a site asks of a client before it serves pages, for the crawler's request controls to meet. JSON keys
 * (object {@code access} of a site):
 * <ul>
 * <li>{@code user} and {@code password}: every request, robots.txt included, needs these HTTP Basic credentials,
 * else 401 with a {@code WWW-Authenticate} challenge.</li>
 * <li>{@code cookie}: {@code name=value}; the root page sets it ({@code Path=/}), and every other page needs it
 * back, else 403 (robots.txt is open).</li>
 * </ul>
 * With what a site asks given, a crawl finds the site's ground truth; without it, none of the site (credentials)
 * or only its root (cookie).
 */
public record SiteAccess(String user, String password, String cookie) {

    public static final SiteAccess OPEN = new SiteAccess(null, null, null);
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern COOKIE = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+=[!#$%&'()*+\\-./0-9:<>?@A-Z\\[\\]^_`a-z{|}~]+");

    public SiteAccess {
        if ((user == null) != (password == null)) {
            throw new ConfigException("user", "user and password go together");
        }
        if (user != null && (!TOKEN.matcher(user).matches() || !TOKEN.matcher(password).matches())) {
            throw new ConfigException("user", "user and password must be letters, digits and -._~ and the like");
        }
        if (cookie != null && !COOKIE.matcher(cookie).matches()) {
            throw new ConfigException("cookie", "must be name=value, got \"" + cookie + "\"");
        }
    }

    public static SiteAccess basic(String user, String password) {
        return new SiteAccess(user, password, null);
    }

    public static SiteAccess cookie(String nameValue) {
        return new SiteAccess(null, null, nameValue);
    }

    public boolean needsCredentials() {
        return user != null;
    }

    public boolean needsCookie() {
        return cookie != null;
    }
}
