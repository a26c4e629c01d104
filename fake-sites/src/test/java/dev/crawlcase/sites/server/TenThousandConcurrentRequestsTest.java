package dev.crawlcase.sites.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.TestWorlds;
import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.FaultSpec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One site on one event loop holds 10,000 slow requests at once. The client runs in a child JVM (see
 * {@link LoadClient}). Exclude with {@code -DexcludedGroups=load}.
 */
@Tag("load")
@ExtendWith(VertxExtension.class)
class TenThousandConcurrentRequestsTest {
    private static final int REQUESTS = 10_000;

    @Test
    @Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
    void holdsTenThousandConcurrentSlowRequests(Vertx vertx, VertxTestContext test) throws IOException {
        FakeWorld world = TestWorlds.start(vertx, TestWorlds.oneSite(Distribution.fixed(5_000), FaultSpec.none()));
        String root = world.seedUrls().get(0);
        int port = Integer.parseInt(root.replaceAll(".*:(\\d+)/$", "$1"));
        Process client = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-Dlogback.configurationFile=logback-test.xml", "-cp", System.getProperty("java.class.path"), LoadClient.class.getName(),
                Integer.toString(port), Integer.toString(REQUESTS))
                .redirectErrorStream(true).start();
        Future.fromCompletionStage(client.onExit())
                .map(exited -> readOutput(exited))
                .compose(output -> world.close().map(output))
                .onComplete(test.succeeding(output -> test.verify(() -> {
                    assertThat(output).contains("ok=" + REQUESTS);
                    assertThat(world.counters().peakConcurrent("solo")).isEqualTo(REQUESTS);
                    assertThat(world.counters().okResponses(root)).isEqualTo(REQUESTS);
                    assertThat(world.counters().requests(root)).isEqualTo(REQUESTS);
                    test.completeNow();
                })));
    }

    private static String readOutput(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
