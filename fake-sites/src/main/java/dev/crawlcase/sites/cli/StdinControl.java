package dev.crawlcase.sites.cli;

import dev.crawlcase.sites.FakeWorld;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Commands from a parent process on stdin, read on a daemon thread: {@code reset} zeroes the counters; {@code warm}
 * renders every generated page now, so that a benchmark's first crawl does not pay for it; {@code counters} prints
 * one line with the connections accepted, the requests and those over HTTP/2 (a benchmark's h2 rows). The end of stdin means
 * the parent is gone: the process exits (its shutdown hook closes the sites) instead of serving on as an orphan.
 */
final class StdinControl {
    private StdinControl() {
    }

    static void start(FakeWorld world, PrintWriter out) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.trim().equals("reset")) {
                        world.counters().reset();
                        out.println("reset done");
                    } else if (line.trim().equals("counters")) {
                        // one line the parent parses: connections accepted, requests, of them over HTTP/2
                        out.println("counters connections=" + world.counters().connectionsOpened() + " requests="
                                + world.counters().totalRequests() + " http2=" + world.counters().http2Requests());
                        out.println("counters done");
                    } else if (line.trim().equals("warm")) {
                        world.warm();
                        out.println("warm done");
                    } else {
                        out.println("unknown command: " + line.trim());
                    }
                    out.flush();
                }
            } catch (IOException e) {
                // the parent went away: nothing more to read
            }
            // stdin closed: the parent is gone (even a SIGKILL closes the pipe), so the sites go too, not orphaned
            System.exit(0);
        }, "sites-stdin-control");
        reader.setDaemon(true);
        reader.start();
    }
}
