package io.eventline.gateway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.eventline.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.headers.HeadersMultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Request collapsing for revalidations (what nginx's {@code proxy_cache_lock} and Varnish do): a conditional
 * read identical to one already on its way to the upstream waits for that one's answer instead of sending
 * its own. If the answer is a {@code 304}, every waiter gets a {@code 304} with its headers; anything else
 * (a page that changed, an error) sends each waiter on its own way, so bodies still stream and nothing is
 * buffered. Nothing is kept once the first request (the leader) has its answer: this is not a cache.
 * <p>
 * Many dashboards revalidating the same page at the same moment then cost the upstream one request. Each
 * waiter has already been authenticated, authorised and charged by the gateway like any other request.
 */
@ApplicationScoped
public class InFlightRevalidations {

    /** What makes two conditional reads interchangeable for the upstream. */
    record Key(HttpMethod method, String upstream, String pathAndQuery, String ifNoneMatch, String ifModifiedSince,
            String accept, String acceptEncoding) {
    }

    /** The upstream request the waiters hang on; landed exactly once. */
    public final class Flight {
        private final Key key;
        private final String leaderRequestId;
        /**
         * Called once, on whichever thread lands the flight, with the headers of the leader's 304, or with
         * {@code null} when the waiter must send its own request.
         */
        private final List<Consumer<MultiMap>> waiters = new ArrayList<>();
        private boolean landed;

        private Flight(Key key, String leaderRequestId) {
            this.key = key;
            this.leaderRequestId = leaderRequestId;
        }

        public String leaderRequestId() {
            return leaderRequestId;
        }

        /** Whether the waiter got a place: not once the flight has landed or is full. */
        private synchronized boolean board(Consumer<MultiMap> waiter) {
            if (landed || waiters.size() >= maxWaiters) {
                return false;
            }
            waiters.add(waiter);
            return true;
        }

        private synchronized boolean landed() {
            return landed;
        }

        /**
         * The leader's answer: the upstream's headers of a 304 (already cleaned of what the gateway owns),
         * or {@code null} for anything else. Later calls do nothing.
         */
        public void land(MultiMap notModifiedHeaders) {
            // Out of the map first: a request arriving from now on leads a new flight instead of boarding this one.
            inFlight.remove(key, this);
            List<Consumer<MultiMap>> boarded;
            synchronized (this) {
                if (landed) {
                    return;
                }
                landed = true;
                boarded = List.copyOf(waiters);
                waiters.clear();
            }
            MultiMap shared = notModifiedHeaders == null ? null : HeadersMultiMap.httpHeaders().addAll(notModifiedHeaders);
            boarded.forEach(waiter -> waiter.accept(shared));
        }
    }

    /** How a request takes part: it leads a new flight, waits on one, or goes alone. */
    public sealed interface Part {
    }

    public record Leads(Flight flight) implements Part {
    }

    public record Waits(Flight flight) implements Part {
    }

    public record Alone() implements Part {
    }

    private static final Alone ALONE = new Alone();

    private final boolean enabled;
    private final int maxWaiters;
    private final Map<Key, Flight> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Map<String, Counter> shared = new ConcurrentHashMap<>();
    private final MeterRegistry meters;

    @Inject
    public InFlightRevalidations(GatewayConfig config, MeterRegistry meters) {
        this.enabled = config.coalescing().enabled();
        this.maxWaiters = config.coalescing().maxWaiters();
        this.meters = meters;
        Gauge.builder("eventline.gateway.revalidations.waiting", waiting, AtomicInteger::get)
                .description("Conditional reads waiting for an identical one in flight to the upstream")
                .register(meters);
    }

    /**
     * Where the request stands: a conditional GET or HEAD without a body may lead or join a flight; anything
     * else goes alone. A waiter's {@code waiter} is called once the flight lands.
     */
    public Part take(RoutingContext rc, Route route, String requestId, Consumer<MultiMap> waiter) {
        HttpServerRequest request = rc.request();
        if (!enabled || !Route.isRead(request.method()) || UnreadBody.hasBody(request)) {
            return ALONE;
        }
        MultiMap headers = request.headers();
        List<String> etags = headers.getAll(HttpHeaders.IF_NONE_MATCH);
        if (etags.size() != 1) {
            return ALONE;
        }
        String query = request.query();
        Key key = new Key(request.method(), route.upstream().name(),
                query == null ? rc.normalizedPath() : rc.normalizedPath() + '?' + query, etags.get(0),
                joined(headers, HttpHeaders.IF_MODIFIED_SINCE), joined(headers, HttpHeaders.ACCEPT),
                joined(headers, HttpHeaders.ACCEPT_ENCODING));
        while (true) {
            Flight flight = inFlight.get(key);
            if (flight == null) {
                Flight mine = new Flight(key, requestId);
                if (inFlight.putIfAbsent(key, mine) == null) {
                    return new Leads(mine);
                }
            } else if (flight.board(waiter)) {
                waiting.incrementAndGet();
                return new Waits(flight);
            } else if (flight.landed()) {
                // Landed between the lookup and boarding: the next lookup finds a new flight or none.
                continue;
            } else {
                return ALONE;
            }
        }
    }

    /** Counts a waiter's end ({@code not-modified}, {@code sent-own}, {@code timed-out}); call once per waiter. */
    public void waited(Upstream upstream, String outcome) {
        waiting.decrementAndGet();
        shared.computeIfAbsent(upstream.name() + ' ' + outcome, ignored -> Counter.builder("eventline.gateway.revalidations.coalesced")
                .description("Conditional reads that waited for an identical one in flight, by how they ended")
                .tag("upstream", upstream.name()).tag("outcome", outcome)
                .register(meters)).increment();
    }

    /** The header's values as one, as the upstream would read them; {@code null} when absent. */
    private static String joined(MultiMap headers, CharSequence name) {
        List<String> values = headers.getAll(name);
        return values.isEmpty() ? null : values.size() == 1 ? values.get(0) : String.join(",", values);
    }
}
