package dev.crawlcase.crawler.task;

import java.util.List;

/**
 * A response as it came, for the WARC archive: neither HTTP client hands out the bytes of the wire, so the
 * archive rebuilds the message from these parts, the same in every mode.
 *
 * @param headers   every header line, names in lower case and sorted by name (the JDK client keeps no order), the
 *                  values of one name in the order they came
 * @param rawBody   the body as transferred: before gzip/deflate decoding, after chunked framing
 * @param wholeBody false when {@code rawBody} is not all of it: cut at the size cap, or not read at all (a page that
 *                  is not HTML)
 */
public record ResponseCapture(List<Header> headers, byte[] rawBody, boolean wholeBody) {
    /** No response was captured (no response arrived, or the capture was dropped on the way to the frontier). */
    public static final ResponseCapture NONE = new ResponseCapture(List.of(), new byte[0], true);

    public ResponseCapture {
        headers = List.copyOf(headers);
    }

    /** One header line. */
    public record Header(String name, String value) {
    }
}
