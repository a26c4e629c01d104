package dev.crawlcase.crawler.bus;

import dev.crawlcase.crawler.task.Lease;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The event-bus codecs of the frontier's messages ({@link Exchange} requests, {@link Lease} answers), registered
 * as default codecs once per Vert.x instance by whichever end of the bus comes first. Over a cluster they write
 * the binary form of {@link TaskWire}; inside one JVM the message is handed over as it is (the records are
 * immutable), with no encoding at all.
 */
public final class BusCodecs {
    private static final Set<Vertx> REGISTERED = Collections.newSetFromMap(new WeakHashMap<>());

    private BusCodecs() {
    }

    /** Registers the codecs on {@code vertx} unless they already are; safe to call from any end, any thread. */
    public static void register(Vertx vertx) {
        synchronized (REGISTERED) {
            if (REGISTERED.add(vertx)) {
                EventBus bus = vertx.eventBus();
                bus.registerDefaultCodec(Exchange.class, new Codec<>("crawlcase.exchange",
                        TaskWire::writeExchange, TaskWire::readExchange));
                bus.registerDefaultCodec(Lease.class, new Codec<>("crawlcase.lease",
                        TaskWire::writeLease, TaskWire::readLease));
            }
        }
    }

    /** Writes and reads a value to and from its binary form; the same codec on both nodes, found by name. */
    static final class Codec<T> implements MessageCodec<T, T> {
        private final String name;
        private final BiConsumer<WireOut, T> writer;
        private final Function<WireIn, T> reader;

        Codec(String name, BiConsumer<WireOut, T> writer, Function<WireIn, T> reader) {
            this.name = name;
            this.writer = writer;
            this.reader = reader;
        }

        @Override
        public void encodeToWire(Buffer buffer, T value) {
            writer.accept(new WireOut(buffer), value);
        }

        @Override
        public T decodeFromWire(int pos, Buffer buffer) {
            return reader.apply(new WireIn(buffer, pos));
        }

        @Override
        public T transform(T value) {
            return value;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public byte systemCodecID() {
            return -1;
        }
    }
}
