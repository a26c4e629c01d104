package dev.crawlcase.sites.model;

/** How a link's href is written; every form resolves to the same normalised URL as its target. */
public enum LinkForm {
    /** {@code http://127.0.0.1:PORT/s1/p3.html} */
    ABSOLUTE,
    /** {@code HTTP://127.0.0.1:PORT/s1/p3.html} */
    UPPER_SCHEME,
    /** {@code //127.0.0.1:PORT/s1/p3.html} */
    PROTOCOL_RELATIVE,
    /** {@code /s1/p3.html} */
    ROOT,
    /** {@code p3.html}, {@code ../s1/p3.html}: relative to the page, or to its {@code <base href>}. */
    RELATIVE,
    /** {@code /s1/p3.html#part-2} */
    FRAGMENT,
    /** {@code /s1/%703.html}: an unreserved letter percent-encoded. */
    PERCENT,
    /** {@code ?page=2&sort=asc}: query-only, relative to the page's own path. */
    QUERY_ONLY,
    /** {@code href=""}: the page itself. */
    EMPTY,
    /** {@code #top}: the page itself. */
    HASH_ONLY
}
