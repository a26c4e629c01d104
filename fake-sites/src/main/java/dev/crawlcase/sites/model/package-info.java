/**
 * The generated sites as data: pages, links in every form a crawler must handle, redirects, special pages, and the
 * replies each path gets. Deterministic from the seed; no I/O. Its URL normal form is written here on purpose
 * apart from the crawler's, so the ground truth is an independent oracle, not the crawler checking itself.
 *
 * <p>May import: {@code config}.
 */
package dev.crawlcase.sites.model;
