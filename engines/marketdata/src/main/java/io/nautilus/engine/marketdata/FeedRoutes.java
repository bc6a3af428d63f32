package io.nautilus.engine.marketdata;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nautilus.core.http.Bodies;
import io.nautilus.core.http.ProblemException;
import io.nautilus.core.http.Validator;
import io.nautilus.core.model.Checks;
import io.nautilus.core.model.Topics;
import io.nautilus.engine.marketdata.pipeline.SymbolState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The seed's feed and subscription registries. They only record what a client declared: creating a feed does not
 * connect to any data source, and subscribing does not start any delivery (data comes from the simulator, the
 * replay files and HTTP ingest; a subscriber listens on the bus topics itself). A feed is a declared (symbol, data
 * source, data types) triple shown with whether that source is actually sending that symbol (from the pipeline's
 * per-source arrival times); a subscription lists the bus topics (and the WebSocket engine's stream topics) that
 * carry the symbols and data types asked for. Both are in memory (lost on restart) and bounded by
 * {@code marketdata.feeds.max-entries} each (409 when full). Thread-safe.
 */
final class FeedRoutes {
    private static final String NOTE = "feeds and subscriptions are a registry only: data comes from the simulator,"
            + " replay files and POST /data/ingest; 'receiving' says whether data_source is sending the symbol now";
    private static final Set<String> DATA_TYPES = Set.of("quote", "trade", "tick", "bar", "alert");

    /** POST /feeds body. */
    record FeedRequest(String symbol, String dataSource, List<String> dataTypes) {
    }

    /** POST /subscriptions body: one symbol or several. */
    record SubscriptionRequest(String symbol, List<String> symbols, List<String> dataTypes) {
    }

    private final MarketDataEngine engine;
    private final int maxEntries;
    private final AtomicLong ids = new AtomicLong();
    private final ConcurrentSkipListMap<String, Map<String, Object>> feeds = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<String, Map<String, Object>> subscriptions = new ConcurrentSkipListMap<>();
    private final AtomicInteger feedCount = new AtomicInteger();
    private final AtomicInteger subscriptionCount = new AtomicInteger();

    /** @param maxEntries feeds, and subscriptions, kept at most (each) */
    FeedRoutes(MarketDataEngine engine, int maxEntries) {
        this.engine = engine;
        this.maxEntries = maxEntries;
    }

    /** Takes a slot of a registry, or answers 409 when it is full (entries are never removed: no delete route). */
    private void reserve(AtomicInteger count, String what) {
        if (count.incrementAndGet() > maxEntries) {
            count.decrementAndGet();
            throw ProblemException.conflict("the " + what + " registry is full (" + maxEntries + " entries, setting "
                    + "marketdata.feeds.max-entries); entries are only a record of declarations and are kept until "
                    + "restart");
        }
    }

    void declare(RoutesConfig r) {
        r.get("/feeds", this::listFeeds);
        r.post("/feeds", this::createFeed);
        r.get("/subscriptions", ctx -> ctx.json(Map.of("subscriptions", List.copyOf(subscriptions.values()),
                "count", subscriptions.size())));
        r.post("/subscriptions", this::subscribe);
    }

    private void createFeed(Context ctx) {
        FeedRequest body = Bodies.read(ctx, FeedRequest.class);
        var v = new Validator();
        String symbol = normalize(v, "symbol", body.symbol());
        String source = v.notBlank("data_source", body.dataSource());
        List<String> types = types(v, body.dataTypes());
        v.throwIfInvalid();
        reserve(feedCount, "feed");
        String id = "feed-" + ids.incrementAndGet();
        var feed = new LinkedHashMap<String, Object>();
        feed.put("feed_id", id);
        feed.put("symbol", symbol);
        feed.put("data_source", source.trim());
        feed.put("data_types", types);
        feeds.put(id, feed);
        var answer = new LinkedHashMap<String, Object>(feed);
        answer.put("status", "created");
        ctx.status(201).json(answer);
    }

    private void listFeeds(Context ctx) {
        List<Map<String, Object>> declared = List.copyOf(feeds.values());
        // arrival times are ring-thread state: read them there, for the (immutable) symbol/source pairs declared
        List<String[]> keys = declared.stream()
                .map(f -> new String[] {(String) f.get("symbol"), (String) f.get("data_source")}).toList();
        List<Object[]> live = MarketDataRoutes.await(engine.query(p -> keys.stream().map(k -> new Object[] {
            p.lastArrivalNanos(k[0], k[1]), p.receiving(k[0], k[1]), p.activeSource(k[0])}).toList()));
        var out = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < declared.size(); i++) {
            Map<String, Object> f = declared.get(i);
            Object[] l = live.get(i);
            var row = new LinkedHashMap<>(f);
            SymbolState st = engine.pipeline().state((String) f.get("symbol"));
            row.put("active", st != null && (st.lastQuote() != null || st.lastTrade() != null));
            row.put("receiving", l[1]);
            row.put("last_arrival_nanos", (long) l[0] < 0 ? null : l[0]);
            row.put("active_source", l[2]);
            row.put("last_quote_ts_nanos", st == null || st.lastQuote() == null ? null : st.lastQuote().tsNanos());
            out.add(row);
        }
        ctx.json(Map.of("feeds", out, "count", out.size(), "note", NOTE));
    }

    private void subscribe(Context ctx) {
        SubscriptionRequest body = Bodies.read(ctx, SubscriptionRequest.class);
        var v = new Validator();
        var symbols = new ArrayList<String>();
        if (body.symbol() != null) {
            symbols.add(normalize(v, "symbol", body.symbol()));
        }
        if (body.symbols() != null) {
            for (int i = 0; i < body.symbols().size(); i++) {
                symbols.add(normalize(v, "symbols[" + i + "]", body.symbols().get(i)));
            }
        }
        if (symbols.isEmpty()) {
            v.error("symbols", "give symbol or symbols");
        }
        List<String> types = types(v, body.dataTypes());
        v.throwIfInvalid();
        var topics = new ArrayList<String>();
        for (String s : symbols) {
            for (String t : types) {
                topics.add(switch (t) {
                    case "quote" -> Topics.quote(s);
                    case "trade", "tick" -> Topics.trade(s);
                    case "alert" -> Topics.alert(s);
                    default -> Topics.bar("*", s);
                });
            }
        }
        reserve(subscriptionCount, "subscription");
        String id = "sub-" + ids.incrementAndGet();
        var sub = new LinkedHashMap<String, Object>();
        sub.put("subscription_id", id);
        sub.put("symbols", symbols);
        sub.put("data_types", types);
        sub.put("topics", topics);
        subscriptions.put(id, sub);
        var answer = new LinkedHashMap<String, Object>(sub);
        answer.put("status", "subscribed");
        ctx.status(201).json(answer);
    }

    private static String normalize(Validator v, String field, String symbol) {
        if (symbol == null || symbol.isBlank()) {
            v.error(field, "is required");
            return null;
        }
        try {
            return Checks.symbol(field, symbol);
        } catch (IllegalArgumentException e) {
            v.error(field, e.getMessage());
            return null;
        }
    }

    private static List<String> types(Validator v, List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return List.of("quote", "trade");
        }
        var out = new ArrayList<String>();
        for (int i = 0; i < requested.size(); i++) {
            String t = requested.get(i) == null ? "" : requested.get(i).trim().toLowerCase(Locale.ROOT);
            if (!DATA_TYPES.contains(t)) {
                v.error("data_types[" + i + "]", "must be one of " + DATA_TYPES + ", got '" + requested.get(i) + "'");
            } else {
                out.add(t);
            }
        }
        return out;
    }

}
