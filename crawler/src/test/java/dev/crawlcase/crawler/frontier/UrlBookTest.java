package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.frontier.UrlBook.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The URL book against a plain model: random transitions on a small pool of URLs, the legal ones (written down
 * here a second time, independently) change state, depth and counters, the others fail and change nothing; after
 * every step each counter equals the URLs in its state, counted one by one.
 */
class UrlBookTest {
    private static final Set<State> ANY = EnumSet.allOf(State.class);

    enum Op {
        QUEUE(EnumSet.of(State.HELD, State.QUEUED), true),
        HOLD(EnumSet.of(State.HELD), true),
        DEFER(EnumSet.of(State.DEFERRED, State.LEASED, State.QUEUED, State.RETRY), true),
        LEASE(EnumSet.of(State.QUEUED, State.RETRY), false),
        RETRY(EnumSet.of(State.LEASED), false),
        LOWER(EnumSet.of(State.LEASED, State.RETRY, State.DEFERRED), false),
        DONE(EnumSet.complementOf(EnumSet.of(State.DONE)), false),
        RESTORE_DONE(ANY, true);

        final Set<State> from;
        final boolean fromNew;

        Op(Set<State> from, boolean fromNew) {
            this.from = from;
            this.fromNew = fromNew;
        }

        boolean allows(State state) {
            return state == null ? fromNew : from.contains(state);
        }
    }

    private static final class Model {
        final Map<String, State> states = new HashMap<>();
        final Map<String, Integer> depths = new HashMap<>();
        long pagesLeased;

        long count(State s) {
            return states.values().stream().filter(v -> v == s).count();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void countersAlwaysEqualTheStatesAndIllegalMovesChangeNothing(long seed) {
        Random rnd = new Random(seed);
        UrlBook book = new UrlBook(0);
        Model model = new Model();
        Op[] ops = Op.values();
        for (int step = 0; step < 5_000; step++) {
            String url = "http://127.0.0.1:1/p" + rnd.nextInt(40);
            Op op = ops[rnd.nextInt(ops.length)];
            int depth = rnd.nextInt(10);
            boolean leased = rnd.nextBoolean();
            State before = model.states.get(url);
            if (op.allows(before)) {
                apply(book, op, url, depth, leased);
                State after = switch (op) {
                    case QUEUE -> State.QUEUED;
                    case HOLD -> State.HELD;
                    case DEFER -> State.DEFERRED;
                    case LEASE -> State.LEASED;
                    case RETRY -> State.RETRY;
                    case LOWER -> before;
                    case DONE, RESTORE_DONE -> State.DONE;
                };
                model.states.put(url, after);
                model.depths.put(url, depth);
                if ((op == Op.LEASE && before == State.QUEUED) || (op == Op.RESTORE_DONE && leased)) {
                    model.pagesLeased++;
                }
            } else {
                assertThatThrownBy(() -> apply(book, op, url, depth, leased)).as("%s from %s", op, before)
                        .isInstanceOf(IllegalStateException.class);
            }
            assertMatches(book, model, url);
        }
    }

    @Test
    void aSecondRecordFailsLoudlyAndChangesNothing() {
        UrlBook book = new UrlBook(0);
        book.queue("http://127.0.0.1:1/a", 2);
        book.done("http://127.0.0.1:1/a");
        assertThatThrownBy(() -> book.done("http://127.0.0.1:1/a")).hasMessage("second record for http://127.0.0.1:1/a");
        assertThatThrownBy(() -> book.done("http://127.0.0.1:1/never")).hasMessageStartingWith("second record");
        assertThat(book.count(State.DONE)).isEqualTo(1);
        assertThat(book.size()).isEqualTo(1);
        assertThat(book.state("http://127.0.0.1:1/never")).isNull();
    }

    @Test
    void onlyAFirstLeaseCountsAgainstThePageLimit() {
        UrlBook book = new UrlBook(2);
        QueuedUrl a = new QueuedUrl("http://127.0.0.1:1/a", 0, 1, 0, 0);
        book.queue(a.url(), 0);
        book.lease(a, 0);
        book.retry(a.url(), 0);
        book.lease(a, 0);
        assertThat(book.pagesLeased()).isEqualTo(1);
        assertThat(book.pageBudgetLeft()).isTrue();
        QueuedUrl b = new QueuedUrl("http://127.0.0.1:1/b", 1, 1, 0, 0);
        book.queue(b.url(), 1);
        book.lease(b, 1);
        assertThat(book.pagesLeased()).isEqualTo(2);
        assertThat(book.pageBudgetLeft()).isFalse();
        book.restoreDone("http://127.0.0.1:1/c", true);
        book.restoreDone("http://127.0.0.1:1/d", false);
        assertThat(book.pagesLeased()).isEqualTo(3);
        assertThat(new UrlBook(0).pageBudgetLeft()).isTrue();
    }

    private static void apply(UrlBook book, Op op, String url, int depth, boolean leased) {
        switch (op) {
            case QUEUE -> book.queue(url, depth);
            case HOLD -> book.hold(url, depth);
            case DEFER -> book.defer(url, depth);
            case LEASE -> book.lease(new QueuedUrl(url, depth, 1, 0, 0), depth);
            case RETRY -> book.retry(url, depth);
            case LOWER -> book.lower(url, depth);
            case DONE -> book.done(url);
            case RESTORE_DONE -> book.restoreDone(url, leased);
        }
    }

    private static void assertMatches(UrlBook book, Model model, String url) {
        assertThat(book.state(url)).isEqualTo(model.states.get(url));
        if (model.states.get(url) != null && model.states.get(url) != State.DONE) {
            assertThat(book.depth(url)).isEqualTo(model.depths.get(url));
        }
        Map<State, Long> expected = new EnumMap<>(State.class);
        for (State s : State.values()) {
            expected.put(s, model.count(s));
            assertThat(book.count(s)).as("count of %s", s).isEqualTo(model.count(s));
        }
        assertThat(book.recount()).isEqualTo(expected);
        assertThat(book.size()).isEqualTo(model.states.size());
        assertThat(book.queued()).isEqualTo(model.count(State.QUEUED));
        assertThat(book.retrying()).isEqualTo(model.count(State.RETRY));
        assertThat(book.pagesLeased()).isEqualTo(model.pagesLeased);
    }
}
