package org.ethnicunity.platform.publicnotice;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import org.ethnicunity.platform.engine.EngineClock;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * At most so many objection requests per network address in a sliding window, counted in this node's
 * memory (a restart forgets them; several nodes each count their own). Every request counts, refused
 * ones too, so that a script cannot probe the form freely. Time is the engine's clock.
 */
@Component
class ObjectionRateLimit {

    /** Beyond this many addresses the oldest windows are dropped, so a flood of addresses cannot fill the memory. */
    private static final int MAX_ADDRESSES = 100_000;

    private final PublicNoticeSettings settings;
    private final Map<String, Deque<Instant>> requests = new ConcurrentHashMap<>();

    ObjectionRateLimit(PublicNoticeSettings settings) {
        this.settings = settings;
    }

    /** Counts the request; empty when it is allowed, else how long until the address may try again. */
    Optional<Duration> tryAcquire(String address) {
        Instant now = EngineClock.instant();
        Instant windowStart = now.minus(settings.rateWindow());
        if (requests.size() > MAX_ADDRESSES) {
            requests.values().removeIf(times -> {
                synchronized (times) {
                    return times.isEmpty() || !times.peekLast().isAfter(windowStart);
                }
            });
        }
        Deque<Instant> times = requests.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
                times.pollFirst();
            }
            if (times.size() >= settings.objectionsPerAddress()) {
                return Optional.of(Duration.between(windowStart, times.peekFirst()));
            }
            times.addLast(now);
            return Optional.empty();
        }
    }
}
