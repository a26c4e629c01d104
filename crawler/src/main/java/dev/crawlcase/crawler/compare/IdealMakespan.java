package dev.crawlcase.crawler.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The shortest makespan of a crawl at a given concurrency, by discrete-event simulation: a request can start once
 * one page linking to it (a parent) and everything it requires (its host's robots.txt) have completed, while at
 * most {@code concurrency} requests run in all, at most {@code perHost} per host, and starts to one host are at
 * least that host's delay apart. Ready requests start greedily, shallowest first, longest remaining chain first
 * (a list schedule: optimal when slots are plentiful, a close upper bound on the optimum when they are not).
 * A request the server faults first occupies a slot per attempt and waits out each retry delay in between.
 * Nothing here runs a crawl: no overheads, no parsing time. It is the floor the real modes are measured against.
 */
public final class IdealMakespan {
    private final Map<String, Node> nodes = new HashMap<>();
    private final int concurrency;
    private final int perHost;
    private final Map<String, Double> hostDelayMs;

    private static final class Node {
        final SimRequest request;
        final List<Node> children = new ArrayList<>();
        final List<Node> dependents = new ArrayList<>();
        int unmetRequires;
        boolean revealed;
        boolean started;
        int attempt;
        double tail;

        Node(SimRequest request) {
            this.request = request;
        }
    }

    private IdealMakespan(List<SimRequest> requests, int concurrency, int perHost, Map<String, Double> hostDelayMs) {
        if (concurrency < 1 || perHost < 1) {
            throw new IllegalArgumentException("concurrency and perHost must be >= 1");
        }
        this.concurrency = concurrency;
        this.perHost = perHost;
        this.hostDelayMs = hostDelayMs;
        requests.forEach(r -> nodes.put(r.id(), new Node(r)));
        for (Node n : nodes.values()) {
            n.request.parents().stream().map(nodes::get).filter(p -> p != null).forEach(p -> p.children.add(n));
            for (String req : n.request.requires()) {
                Node r = nodes.get(req);
                if (r != null) {
                    r.dependents.add(n);
                    n.unmetRequires++;
                }
            }
        }
    }

    /** Milliseconds from the first request's start to the last request's end. */
    public static double compute(List<SimRequest> requests, int concurrency, int perHost, Map<String, Double> hostDelayMs) {
        return new IdealMakespan(requests, concurrency, perHost, hostDelayMs).simulate();
    }

    /** An attempt ending ({@code retry} false) or a retry delay ending ({@code retry} true). */
    private record Event(double at, Node node, boolean retry) {
    }

    private double simulate() {
        computeTails();
        PriorityQueue<Node> ready = new PriorityQueue<>(Comparator.<Node>comparingInt(n -> n.request.depth())
                .thenComparing(n -> -n.tail).thenComparing(n -> n.request.id()));
        PriorityQueue<Event> running = new PriorityQueue<>(Comparator.comparingDouble(Event::at));
        int busy = 0;
        Map<String, Integer> hostRunning = new HashMap<>();
        Map<String, Double> hostNextStart = new HashMap<>();
        for (Node n : nodes.values()) {
            if (n.request.parents().isEmpty()) {
                n.revealed = true;
                if (n.unmetRequires == 0) {
                    ready.add(n);
                }
            }
        }
        double now = 0;
        double end = 0;
        List<Node> blocked = new ArrayList<>();
        while (!ready.isEmpty() || !running.isEmpty()) {
            double wake = Double.MAX_VALUE;
            while (!ready.isEmpty() && busy < concurrency) {
                Node n = ready.poll();
                String host = n.request.host();
                double next = hostNextStart.getOrDefault(host, 0.0);
                if (hostRunning.getOrDefault(host, 0) >= perHost || next > now) {
                    blocked.add(n);
                    if (next > now) {
                        wake = Math.min(wake, next);
                    }
                    continue;
                }
                n.started = true;
                hostRunning.merge(host, 1, Integer::sum);
                hostNextStart.put(host, now + hostDelayMs.getOrDefault(host, 0.0));
                busy++;
                running.add(new Event(now + n.request.attemptsMs().get(n.attempt), n, false));
            }
            ready.addAll(blocked);
            blocked.clear();
            double nextFinish = running.isEmpty() ? Double.MAX_VALUE : running.peek().at();
            if (nextFinish == Double.MAX_VALUE && wake == Double.MAX_VALUE) {
                break;
            }
            now = Math.min(nextFinish, wake);
            while (!running.isEmpty() && running.peek().at() <= now) {
                Event e = running.poll();
                Node n = e.node();
                end = Math.max(end, e.at());
                if (e.retry()) {
                    ready.add(n);
                    continue;
                }
                busy--;
                hostRunning.merge(n.request.host(), -1, Integer::sum);
                if (++n.attempt < n.request.attemptsMs().size()) {
                    running.add(new Event(now + n.request.delaysMs().get(n.attempt - 1), n, true));
                } else {
                    complete(n, ready);
                }
            }
        }
        return end;
    }

    private void complete(Node done, PriorityQueue<Node> ready) {
        for (Node child : done.children) {
            if (!child.revealed) {
                child.revealed = true;
                if (child.unmetRequires == 0) {
                    ready.add(child);
                }
            }
        }
        for (Node dependent : done.dependents) {
            if (--dependent.unmetRequires == 0 && dependent.revealed && !dependent.started) {
                ready.add(dependent);
            }
        }
    }

    /** Longest chain of durations below each node (memoised DFS over an acyclic view: depth must increase). */
    private void computeTails() {
        List<Node> byDepth = new ArrayList<>(nodes.values());
        byDepth.sort(Comparator.comparingInt((Node n) -> n.request.depth()).reversed());
        for (Node n : byDepth) {
            double below = 0;
            for (Node c : n.children) {
                if (c.request.depth() > n.request.depth()) {
                    below = Math.max(below, c.tail);
                }
            }
            n.tail = n.request.totalMs() + below;
        }
    }
}
