package io.nautilus.core.http;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a meter registry as JSON-ready maps: one entry per meter with its tags and measurements. */
final class MetricsJson {
    private MetricsJson() {
    }

    static List<Map<String, Object>> render(MeterRegistry registry) {
        var out = new ArrayList<Map<String, Object>>();
        var meters = new ArrayList<>(registry.getMeters());
        meters.sort(Comparator.comparing(m -> m.getId().getName()));
        for (Meter m : meters) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("name", m.getId().getName());
            entry.put("type", m.getId().getType().name().toLowerCase(java.util.Locale.ROOT));
            var tags = new LinkedHashMap<String, String>();
            for (Tag t : m.getId().getTags()) {
                tags.put(t.getKey(), t.getValue());
            }
            entry.put("tags", tags);
            var values = new LinkedHashMap<String, Double>();
            for (Measurement ms : m.measure()) {
                values.put(ms.getStatistic().getTagValueRepresentation(), ms.getValue());
            }
            entry.put("values", values);
            out.add(entry);
        }
        return out;
    }
}
