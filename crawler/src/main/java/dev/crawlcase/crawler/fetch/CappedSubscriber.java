package dev.crawlcase.crawler.fetch;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A JDK body subscriber that keeps at most {@code cap} bytes and cancels the subscription (which closes the
 * connection) once the cap is passed, or at once when {@code cap < 0} (body not wanted).
 */
final class CappedSubscriber implements HttpResponse.BodySubscriber<CappedSubscriber.Read> {

    /** What was read: the raw (still encoded) bytes and whether the cap cut them. */
    record Read(byte[] raw, boolean truncated, int cap) {
    }

    private final int cap;
    private final CappedBody body;
    private final CompletableFuture<Read> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    CappedSubscriber(int cap) {
        this.cap = cap;
        this.body = cap < 0 ? null : new CappedBody(cap);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (body == null) {
            // completed before cancelling: over HTTP/2 the cancel fails the exchange at once, through onError
            result.complete(new Read(new byte[0], false, cap));
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (!body.add(buffer)) {
                result.complete(new Read(body.bytes(), true, cap));
                subscription.cancel();
                return;
            }
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(new Read(body == null ? new byte[0] : body.bytes(), false, cap));
    }

    @Override
    public CompletionStage<Read> getBody() {
        return result;
    }

    /**
     * What was read when this subscriber itself ended the transfer (the cap, or a body not wanted), else null. Over
     * HTTP/2 the JDK client fails the exchange when its stream is cancelled, although everything wanted was read.
     */
    Read readIfEndedHere() {
        return result.isDone() && !result.isCompletedExceptionally() ? result.join() : null;
    }

    /** Stops the transfer (used when the total deadline passes). */
    void abort() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
