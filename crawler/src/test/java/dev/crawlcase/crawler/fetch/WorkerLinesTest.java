package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.FetchPhases;
import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.HttpProtocol;
import dev.crawlcase.crawler.task.ResponseCapture;
import dev.crawlcase.sites.server.SiteCertificate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What crosses the pipe to a fetch worker comes back as the same typed values, each on one line. */
class WorkerLinesTest {

    @Test
    void limitsRoundTripWithTheirTrustAndVersion() {
        FetchLimits limits = new FetchLimits(1_234, 2_345, 34_567, 4_567, 567, "agent/1 (+x)", true)
                .withPrivateNetworks(true)
                .withHttpVersion(HttpVersionChoice.AUTO)
                .withTrust(TlsTrust.defaults().plusPem(SiteCertificate.selfSigned().pem()));
        String line = WorkerLines.limits(limits);
        assertFalse(line.contains("\n"), line);
        assertEquals(limits, WorkerLines.limits(line));
        assertEquals(1, WorkerLines.limits(line).trust().extraCertificates());
    }

    @Test
    void requestControlsRoundTripExceptTheJarWhichTheParentKeeps() {
        RequestControls controls = RequestControls.NONE
                .withHeaders(List.of(new RequestControls.HeaderRule(HostPattern.ANY, "X-Run", "r1"),
                        new RequestControls.HeaderRule(HostPattern.parse("hosts", "*.example.com:8080"), "X-B", "b")))
                .withAcceptLanguage("de-CH, en;q=0.5")
                .withAuth(List.of(new RequestControls.BasicAuth(HostPattern.parse("hosts", "127.0.0.1"), "u", "p w")))
                .withProxy(RequestControls.Proxy.parse("proxy", "http://127.0.0.1:3128"));
        FetchLimits limits = FetchLimits.defaults().withRequest(controls.withCookies(true));
        // a worker's own jar would keep what it was given from the others: the parent sends each task its cookies
        assertEquals(limits.withRequest(controls), WorkerLines.limits(WorkerLines.limits(limits)));
    }

    @Test
    void defaultLimitsRoundTrip() {
        assertEquals(FetchLimits.defaults(), WorkerLines.limits(WorkerLines.limits(FetchLimits.defaults())));
    }

    @Test
    void tasksRoundTrip() {
        for (FetchTask task : new FetchTask[]{
                new FetchTask(Long.MAX_VALUE - 3, "http://127.0.0.1:81/a?b=%20\u00e9", 7, 3, 2, FetchTask.Kind.PAGE),
                new FetchTask(1, "http://127.0.0.1:81/robots.txt", 0, 1, 0, FetchTask.Kind.ROBOTS)}) {
            for (String cookie : new String[]{null, "a=1; b=2"}) {
                WorkerLines.Job job = new WorkerLines.Job(task, cookie);
                String line = WorkerLines.job(job);
                assertFalse(line.contains("\n"), line);
                assertEquals(job, WorkerLines.job(line));
            }
        }
    }

    @Test
    void aResponseRoundTripsWithEveryByteOfItsBody() {
        byte[] body = new byte[256];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        FetchResult result = new FetchResult(301, "text/html", "iso-8859-1", body, 9_999, true, "/next\u00e9",
                120_000, null, 42, HttpProtocol.HTTP_2, 4_321, new ResponseCapture(List.of(new ResponseCapture.Header("X-Robots-Tag", "none"),
                        new ResponseCapture.Header("Set-Cookie", "a=1")), body, true), new FetchPhases(-1, 12.5));
        FetchResult back = WorkerLines.result(WorkerLines.result(result));
        assertFalse(WorkerLines.result(result).contains("\n"));
        assertSame(result, back);
    }

    @Test
    void aFailureRoundTripsWithItsKind() {
        for (ErrorKind kind : ErrorKind.values()) {
            FetchResult failure = FetchResult.failure(kind, 17);
            assertSame(failure, WorkerLines.result(WorkerLines.result(failure)));
        }
    }

    /** FetchResult's equals compares the body array by reference, so the fields are compared one by one. */
    private static void assertSame(FetchResult expected, FetchResult actual) {
        assertEquals(expected.status(), actual.status());
        assertEquals(expected.contentType(), actual.contentType());
        assertEquals(expected.charset(), actual.charset());
        assertArrayEquals(expected.body(), actual.body());
        assertEquals(expected.bytes(), actual.bytes());
        assertEquals(expected.truncated(), actual.truncated());
        assertEquals(expected.location(), actual.location());
        assertEquals(expected.retryAfterMs(), actual.retryAfterMs());
        assertEquals(expected.error(), actual.error());
        assertEquals(expected.fetchMillis(), actual.fetchMillis());
        assertEquals(expected.httpVersion(), actual.httpVersion());
        assertEquals(expected.wireBytes(), actual.wireBytes());
        assertEquals(expected.phases(), actual.phases());
        // the parse step reads the header lines (X-Robots-Tag); the raw body is for the archive, which stays behind
        assertEquals(expected.capture().headers(), actual.capture().headers());
    }
}
