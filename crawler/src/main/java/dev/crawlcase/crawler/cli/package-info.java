/**
 * The {@code crawler} command line (picocli): {@code run}, {@code compare}, {@code sites}, {@code cluster},
 * {@code bench}. Turns flags into a config, words every bad input as one line with exit code 2, prints progress and
 * tables.
 *
 * <p>May import: everything; nothing imports it.
 */
package dev.crawlcase.crawler.cli;
