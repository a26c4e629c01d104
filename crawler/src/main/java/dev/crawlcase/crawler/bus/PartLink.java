package dev.crawlcase.crawler.bus;

import dev.crawlcase.crawler.frontier.Frontier;
import dev.crawlcase.crawler.shard.GateSlot;
import dev.crawlcase.crawler.shard.GateView;
import dev.crawlcase.crawler.shard.OfferBatch;
import dev.crawlcase.crawler.shard.Shard;
import dev.crawlcase.crawler.task.CrawlAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One part of a sharded crawl on the event bus: its {@link Shard}'s hand-offs go to the other parts as batches
 * (request and reply: the reply is the acknowledgement, a lost one means the batch goes again), batches from the
 * others are taken and acknowledged only after the board counts them, and the part's slot goes up on the
 * {@link BoardStore} whenever it changed. Works the same inside one JVM and across a cluster: only the addresses
 * and the store's map are shared.
 */
public final class PartLink implements CrawlWide {
    private static final long REQUEST_TIMEOUT_MS = 5_000;
    /**
     * How often a part that waits for the others (finished, or out of pages to lease) reads the board itself, in
     * case a publish was lost; a busy part learns of the board from the publishes and its own writes alone.
     */
    private static final long BOARD_POLL_MS = 1_000;
    /**
     * A slot that only says this part moved on (deeper, or finished) may wait this long before it goes up, and a
     * finished one goes up only once the part has stayed finished that long: while pages come and go a part flips
     * between finished and not many times a second, each flip to finished that went up would cost a second write
     * when the next hand-off arrives, and nobody waits for it but the crawl's end. A slot that must go up before
     * an acknowledgement, or a claim of pages it waits for, never waits.
     */
    private static final long LAZY_PUBLISH_MS = 250;
    /**
     * A slot that says only that this part went deeper (not finished, nothing else new) waits this long: the others
     * need it only to write records sooner, and a crawl goes through its depths in a few writes instead of one per
     * depth when depths pass quickly.
     */
    private static final long DEEPER_PUBLISH_MS = 1_000;

    private final Shard shard;
    private final CrawlAddresses crawl;
    private final BoardStore board;
    private final Supplier<Future<Void>> committed;
    private final BooleanSupplier acting;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private Vertx vertx;
    private Runnable changed;
    private Future<Void> publishing = Future.succeededFuture();
    private boolean publishQueued;
    private long pollTimer = -1;
    private long lazyTimer = -1;
    /** When this part's slot last became finished (System.nanoTime, ms), or -1 while it is not. */
    private long finishedSinceMs = -1;
    private boolean closed;
    private long batchesSent;
    private long batchesTaken;

    /** @param crawl the crawl-wide addresses (not one part's) */
    public PartLink(Shard shard, CrawlAddresses crawl, BoardStore board) {
        this(shard, crawl, board, null, () -> true);
    }

    /**
     * @param crawl     the crawl-wide addresses (not one part's)
     * @param committed a durable part's checkpoint (or null): a taken batch is acknowledged only once its URLs are
     *                  committed, so a part that dies and is resumed elsewhere never loses a hand-off the sender
     *                  has let go of
     * @param acting    whether this node may still act on its part ({@link #acting()})
     */
    public PartLink(Shard shard, CrawlAddresses crawl, BoardStore board, Supplier<Future<Void>> committed,
                    BooleanSupplier acting) {
        this.shard = Objects.requireNonNull(shard, "shard");
        this.crawl = Objects.requireNonNull(crawl, "crawl");
        this.board = Objects.requireNonNull(board, "board");
        this.committed = committed == null ? Future::succeededFuture : committed;
        this.acting = Objects.requireNonNull(acting, "acting");
    }

    @Override
    public boolean acting() {
        return acting.getAsBoolean();
    }

    @Override
    public Future<Void> start(Vertx vertx, Runnable changed) {
        this.vertx = vertx;
        this.changed = changed;
        MessageConsumer<JsonObject> offers = vertx.eventBus().consumer(crawl.offers(shard.id()), this::onBatch);
        MessageConsumer<JsonObject> boards = vertx.eventBus().consumer(crawl.board(), m -> adopt(m.body()));
        consumers.add(offers);
        consumers.add(boards);
        pollTimer = vertx.setPeriodic(BOARD_POLL_MS, id -> {
            if (shard.slot().finished() || shard.needsPages()) {
                board.read().onSuccess(this::adoptView);
            }
        });
        return Future.all(offers.completion(), boards.completion())
                .compose(v -> board.read()).onSuccess(this::adoptView)
                .compose(v -> publish());
    }

    private void onBatch(Message<JsonObject> message) {
        if (closed || !acting.getAsBoolean()) {
            return; // no reply: the sender sends it again, to whoever owns the part then
        }
        OfferBatch batch = ShardWire.batch(message.body());
        batchesTaken++;
        Shard.Receipt receipt = shard.receive(batch);
        // a write still on its way may put an older, more finished slot on the board than the last one confirmed:
        // then this batch is counted only by a write that starts after it was taken
        boolean writing = !publishing.isComplete();
        Future<Void> counted = receipt.publishFirst() || writing ? publish() : Future.succeededFuture();
        counted.compose(v -> committed.get()).onSuccess(v -> message.reply(ShardWire.ack(receipt.ack())));
        changed.run();
    }

    @Override
    public void pump() {
        if (closed || vertx == null || !acting.getAsBoolean()) {
            return; // not started yet: the verticle's first tick may come before its start completed
        }
        for (OfferBatch batch : shard.outgoing()) {
            batchesSent++;
            vertx.eventBus().<JsonObject>request(crawl.offers(batch.to()), ShardWire.batch(batch),
                            new DeliveryOptions().setSendTimeout(REQUEST_TIMEOUT_MS))
                    .onSuccess(reply -> {
                        shard.acked(ShardWire.ack(reply.body()));
                        changed.run();
                    }); // a failure (no part there yet, a timeout) is retried by the outbox's resend
        }
        GateSlot slot = shard.slot();
        if (!slot.finished()) {
            finishedSinceMs = -1;
        } else if (finishedSinceMs < 0) {
            finishedSinceMs = nowMs();
        }
        if (shard.needsPages() && !publishQueued) {
            publish(); // it may lease no page until its claim is on the board
        } else if (!slot.equals(shard.lastPublished()) && !publishQueued && lazyTimer < 0) {
            publishLater(onlyDeeper(slot) ? DEEPER_PUBLISH_MS : LAZY_PUBLISH_MS);
        }
    }

    /** Publishes the slot after {@code delayMs} if it still differs then, a finished one once it has held. */
    private void publishLater(long delayMs) {
        lazyTimer = vertx.setTimer(Math.max(1, delayMs), id -> {
            lazyTimer = -1;
            GateSlot slot = shard.slot();
            if (closed || slot.equals(shard.lastPublished()) || publishQueued) {
                return;
            }
            if (!slot.finished()) {
                finishedSinceMs = -1;
            } else if (finishedSinceMs < 0) {
                finishedSinceMs = nowMs();
            }
            long heldMs = nowMs() - finishedSinceMs;
            if (slot.finished() && heldMs < LAZY_PUBLISH_MS) {
                publishLater(LAZY_PUBLISH_MS - heldMs);
            } else {
                publish();
            }
        });
    }

    /** Whether {@code slot} differs from the one published only by a deeper smallest depth. */
    private boolean onlyDeeper(GateSlot slot) {
        GateSlot published = shard.lastPublished();
        return !slot.finished() && !published.finished() && slot.pages() == published.pages()
                && slot.starved() == published.starved() && slot.minDepth() > published.minDepth();
    }

    private static long nowMs() {
        return System.nanoTime() / 1_000_000;
    }

    /**
     * Puts this part's slot, as it stands when the write runs, on the board; writes run one after another, so a
     * later one always carries a later slot.
     */
    private Future<Void> publish() {
        publishQueued = true;
        publishing = publishing.transform(ignored -> {
            publishQueued = false;
            return board.write(shard.id(), shard::slotFor).onSuccess(view -> {
                shard.published(view.view().slot(shard.id()));
                adoptView(view);
                vertx.eventBus().publish(crawl.board(), BoardStore.toJson(view));
            }).<Void>mapEmpty();
        });
        return publishing;
    }

    private void adopt(JsonObject published) {
        if (!closed && board.newer(published)) {
            shard.boardChanged(board.current());
            changed.run();
        }
    }

    private void adoptView(BoardStore.Versioned view) {
        if (closed || !board.newer(view)) {
            return;
        }
        shard.boardChanged(view.view());
        changed.run();
    }

    @Override
    public boolean finished(Frontier frontier) {
        return shard.crawlFinished(board.current()) && shard.slot().finished();
    }

    @Override
    public void close() {
        closed = true;
        if (pollTimer >= 0) {
            vertx.cancelTimer(pollTimer);
        }
        if (lazyTimer >= 0) {
            vertx.cancelTimer(lazyTimer);
        }
        consumers.forEach(MessageConsumer::unregister);
    }

    public long batchesSent() {
        return batchesSent;
    }

    public long batchesTaken() {
        return batchesTaken;
    }

    /** Operations on the board's shared map by this part (reads and compare-and-set writes). */
    public long boardOperations() {
        return board.mapOperations();
    }

    /** The board as this part last saw it. */
    public GateView board() {
        return board.current();
    }
}
