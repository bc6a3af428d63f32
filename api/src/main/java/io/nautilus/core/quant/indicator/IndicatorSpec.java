package io.nautilus.core.quant.indicator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Catalog entry of one indicator: name, parameters with defaults and ranges, required bar inputs, output
 * name templates and conventions, and a validating factory. Immutable and thread-safe.
 */
public final class IndicatorSpec {

    private final String name;
    private final String description;
    private final List<ParamSpec> params;
    private final Set<BarInput> inputs;
    private final List<String> outputs;
    private final String conventions;
    private final Function<double[], Indicator> factory;

    IndicatorSpec(String name, String description, List<ParamSpec> params, Set<BarInput> inputs,
            List<String> outputs, String conventions, Function<double[], Indicator> factory) {
        this.name = name;
        this.description = description;
        this.params = List.copyOf(params);
        this.inputs = Set.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.conventions = conventions;
        this.factory = factory;
    }

    /** Catalog name, such as {@code rsi}. */
    public String name() {
        return name;
    }

    /** One-line description for a user. */
    public String description() {
        return description;
    }

    /** Parameters in their positional order, with defaults and inclusive ranges. */
    public List<ParamSpec> params() {
        return params;
    }

    /** Bar fields the indicator reads. */
    public Set<BarInput> inputs() {
        return inputs;
    }

    /** Output name templates, such as {@code rsi_{period}}: braces name the parameter substituted. */
    public List<String> outputs() {
        return outputs;
    }

    /** Seeding, standard deviation, units and warm-up, in one short paragraph. */
    public String conventions() {
        return conventions;
    }

    /**
     * Creates a fresh indicator. Missing parameters take their defaults.
     *
     * @throws IllegalArgumentException naming the parameter when it is unknown, out of range or not whole
     */
    public Indicator create(Map<String, Double> values) {
        return factory.apply(resolve(values));
    }

    /** Output names for these parameters, such as {@code [rsi_14]}. */
    public List<String> outputNames(Map<String, Double> values) {
        return List.of(create(values).outputNames());
    }

    private double[] resolve(Map<String, Double> values) {
        Map<String, Double> given = values == null ? Map.of() : new HashMap<>(values);
        double[] resolved = new double[params.size()];
        for (int i = 0; i < resolved.length; i++) {
            ParamSpec p = params.get(i);
            Double v = given.remove(p.name());
            resolved[i] = v == null ? p.defaultValue() : p.validate(name, v);
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown parameter(s) " + given.keySet() + " for indicator '"
                    + name + "'; known: " + params.stream().map(ParamSpec::name).toList());
        }
        return resolved;
    }

    @Override
    public String toString() {
        return "IndicatorSpec[" + name + ", params=" + params.stream().map(ParamSpec::name).toList()
                + ", outputs=" + outputs + "]";
    }
}
