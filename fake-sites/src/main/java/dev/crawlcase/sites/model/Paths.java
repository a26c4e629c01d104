package dev.crawlcase.sites.model;

/** The request targets every generated site has, besides its ordinary pages {@code /s{k}/p{n}.html}. */
public final class Paths {
    public static final String ROOT = "/";
    public static final String ROBOTS = "/robots.txt";
    public static final String LIST = "/list";
    public static final int LIST_PAGES = 3;
    public static final String CALENDAR_DIR = "/calendar/";
    public static final String CALENDAR_START = "/calendar/2026-01";
    public static final String PRIVATE_DIR = "/private/";
    public static final String ORPHAN = "/orphan.html";
    public static final String NOFOLLOW_ONLY = "/nofollow-only.html";
    public static final String BIG = "/big.html";
    public static final String BROKEN = "/broken.html";
    public static final String LATIN1 = "/latin1.html";
    public static final String CP1252 = "/cp1252.html";
    public static final String CHAIN = "/r/chain/";
    public static final int CHAIN_LENGTH = 5;
    public static final String LOOP_A = "/r/loop/a";
    public static final String LOOP_B = "/r/loop/b";
    public static final String AWAY = "/r/away";
    public static final String PNG = "/static/logo.png";
    public static final String PDF = "/static/guide.pdf";
    public static final String CSS = "/static/site.css";
    public static final String INDEX = "/index.html";
    public static final int SECTIONS = 4;
    public static final String SITEMAP_INDEX = "/sitemap_index.xml";
    public static final String SITEMAP_PAGES = "/sitemaps/pages.xml.gz";
    public static final String SITEMAP_HIDDEN = "/sitemaps/hidden.xml";
    public static final String SITEMAP_BOMB = "/sitemaps/bomb.xml.gz";
    public static final String HIDDEN_DIR = "/hidden/";
    public static final String DIRECTIVES_DIR = "/directives/";

    private Paths() {
    }

    public static String ordinary(int number) {
        return "/s" + (number % SECTIONS) + "/p" + number + ".html";
    }

    public static String list(int page) {
        return LIST + "?page=" + page + "&sort=asc";
    }

    public static String redirect(int status) {
        return "/r/" + status;
    }

    public static String missing(int i) {
        return "/missing/" + i + ".html";
    }

    /** A page listed only by the site's sitemap: no page links to it. */
    public static String hidden(int i) {
        return HIDDEN_DIR + "h" + i + ".html";
    }

    public static String privatePage(int i) {
        return PRIVATE_DIR + "p" + i + ".html";
    }
}
