/**
 * The {@code fake-sites} command: start a world, write its manifest, take stop and reset commands on standard
 * input.
 *
 * <p>May import: everything in fake-sites; nothing imports it except the crawler's own {@code sites} command.
 */
package dev.crawlcase.sites.cli;
