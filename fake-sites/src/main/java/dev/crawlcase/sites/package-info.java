/**
 * A world of fake sites: generated from a seed ({@code WorldPlan}, {@code FakeWorld}), served on loopback, stating
 * its own ground truth ({@code GroundTruth}: which pages a correct crawl must find, at which depth) and counting
 * what it serves ({@code ServerCounters}).
 *
 * <p>Layers: {@code config} &lt; {@code model} &lt; {@code server} &lt; this package &lt; {@code cli}. May import:
 * {@code config}, {@code model}, {@code server}, Vert.x core.
 */
package dev.crawlcase.sites;
