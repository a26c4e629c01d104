package dev.crawlcase.crawler.bus;

import dev.crawlcase.crawler.task.FetchOutcome;
import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.Lease;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The binary form of the frontier's messages gives back what was written, for any message the records allow. */
class TaskWireTest {
    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    private static <T> T roundTrip(BusCodecs.Codec<T> codec, T value) {
        Buffer buffer = Buffer.buffer().appendString("header before the body");
        int pos = buffer.length();
        codec.encodeToWire(buffer, value);
        return codec.decodeFromWire(pos, buffer);
    }

    private static final BusCodecs.Codec<Exchange> EXCHANGE = new BusCodecs.Codec<>("test.exchange",
            TaskWire::writeExchange, TaskWire::readExchange);
    private static final BusCodecs.Codec<Lease> LEASE = new BusCodecs.Codec<>("test.lease",
            TaskWire::writeLease, TaskWire::readLease);

    @ParameterizedTest
    @MethodSource("seeds")
    void everyExchangeAndLeaseComesBackEqual(long seed) {
        RandomMessages messages = new RandomMessages(seed);
        Exchange exchange = messages.exchange();
        Lease lease = messages.lease();

        Exchange back = roundTrip(EXCHANGE, exchange);
        assertThat(back.outcomes()).hasSameSizeAs(exchange.outcomes());
        for (int i = 0; i < back.outcomes().size(); i++) {
            assertThat(back.outcomes().get(i).result().body()).isEqualTo(exchange.outcomes().get(i).result().body());
        }
        assertThat(withoutBodies(back)).isEqualTo(withoutBodies(exchange));
        assertThat(roundTrip(LEASE, lease)).isEqualTo(lease);
    }

    /** Records compare arrays by identity: the bodies are compared by content above, the rest by equals here. */
    private static Exchange withoutBodies(Exchange e) {
        return new Exchange(e.fetcherId(), e.outcomes().stream().map(o -> {
            FetchResult r = o.result();
            return new FetchOutcome(o.task(), r.withBody(NO_BODY), o.page(), o.mode());
        }).toList(), e.max());
    }

    private static final byte[] NO_BODY = new byte[0];

    @Test
    void aMessageOfAnotherWireVersionIsRefusedLoudly() {
        Buffer buffer = Buffer.buffer();
        LEASE.encodeToWire(buffer, new Lease(List.of(), true));
        buffer.setByte(0, (byte) (TaskWire.VERSION + 1));

        assertThatThrownBy(() -> LEASE.decodeFromWire(0, buffer)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wire version " + (TaskWire.VERSION + 1));
    }

    @Test
    void aTypicalTaskCostsAByteForEachSmallNumber() {
        Buffer buffer = Buffer.buffer();
        FetchTask task = new FetchTask(7, "http://127.0.0.1:8081/p/12", 2, 1, 0, FetchTask.Kind.PAGE);
        LEASE.encodeToWire(buffer, new Lease(List.of(task), false));

        // version, finished, count; the fixed lease id; the URL behind its length; depth, attempt, redirects, kind
        assertThat(buffer.length()).isEqualTo(3 + 8 + 1 + 26 + 4);
    }
}
