/**
 * Stage 2: one HTTP attempt per {@link dev.crawlcase.crawler.task.FetchTask}, reported as a
 * {@link dev.crawlcase.crawler.task.FetchResult}. Three client families: {@code AsyncFetcher} on Vert.x's HTTP client
 * (event loops; used by the async and virtual modes), {@code BlockingFetcher} on the JDK client (blocks its
 * thread; used by the sequential and thread-pool modes), and the raw-socket fetchers ({@code PollingFetcher},
 * {@code SelectorFetcher}: hand-written loops over non-blocking {@code java.nio} sockets on a thread of their own,
 * HTTP by Netty's codec in {@code RawResponseReader}; used by the poll and selector modes). The processes mode runs
 * {@code BlockingFetcher} in worker JVMs ({@code FetchWorker}), started and fed over their pipes by
 * {@code ProcessPoolFetcher} ({@code WorkerLines}: the typed lines that cross; {@code WorkerWarmUp}: a new worker's
 * first fetch, before it says it is ready; {@code WorkerShelf}: idle workers a test JVM's next pool may take). All apply the same
 * limits (timeouts, body cap, decoding) and the same loopback guard, never follow redirects and never retry: the
 * frontier decides. The two real clients also add the crawl's {@code RequestControls} (extra headers, credentials,
 * a {@code CookieJar}, a proxy) and report the HTTP version and wire size of each response; the raw-socket
 * fetchers send a fixed request head, so the CLI refuses those settings for their modes.
 *
 * <p>May import: {@code url}, {@code task}, {@code dev.crawlcase.json} (bounds), Vert.x core (and the Netty under it),
 * the JDK HTTP client.
 */
package dev.crawlcase.crawler.fetch;
