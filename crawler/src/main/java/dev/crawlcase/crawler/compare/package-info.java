/**
 * The main job: every mode on the same fake sites, the ideal bound from a makespan simulation, the table and the
 * HTML report with its charts (XChart).
 *
 * <p>May import: everything below the tools, fake-sites, XChart; not {@code cli}.
 */
package dev.crawlcase.crawler.compare;
