package dev.crawlcase.crawler.fetch;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * One process of the processes mode's pool: a blocking, sequential fetcher in a JVM of its own. It reads the
 * limits, warms its fetch path up ({@link WorkerWarmUp}), answers {@link WorkerLines#READY}, then fetches one task per stdin line with {@link BlockingFetcher} and
 * writes one result line, until stdin ends: the parent closed it at the end of the crawl, or died, so a worker
 * never outlives the crawl that started it. Exit 0 on that end of input; 1 when the warm-up fails (the parent's
 * start of this worker fails); 3 when a result cannot be written (the parent has gone).
 */
public final class FetchWorker {
    private FetchWorker() {
    }

    public static void main(String[] args) {
        // stdout is the protocol: anything else this JVM prints (a library's log line) goes to stderr
        Writer protocol = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8));
        System.setOut(System.err);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            String hello = in.readLine();
            if (hello == null) {
                return;
            }
            FetchLimits limits = WorkerLines.limits(hello);
            // a cold JVM's first request is slow enough to miss a short first-byte timeout: pay that before ready
            try {
                WorkerWarmUp.run(limits);
            } catch (IOException e) {
                System.err.println("fetch worker: " + e.getMessage());
                System.exit(1);
            }
            try (BlockingFetcher fetcher = new BlockingFetcher(limits, 1)) {
                send(protocol, WorkerLines.READY);
                String line;
                while ((line = in.readLine()) != null) {
                    WorkerLines.Job job = WorkerLines.job(line);
                    send(protocol, WorkerLines.result(fetcher.fetch(job.task(), job.cookie())));
                }
            }
        } catch (IOException e) {
            System.err.println("fetch worker: the pipe to the crawler failed: " + e.getMessage());
            System.exit(3);
        }
    }

    private static void send(Writer protocol, String line) throws IOException {
        protocol.write(line);
        protocol.write('\n');
        protocol.flush();
    }
}
