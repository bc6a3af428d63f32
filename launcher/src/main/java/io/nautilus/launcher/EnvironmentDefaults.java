package io.nautilus.launcher;

import picocli.CommandLine;

import java.util.Locale;
import java.util.Map;

/**
 * Supplies option defaults from {@code NAUTILUS_<OPTION>} environment variables: {@code --port-offset} reads
 * {@code NAUTILUS_PORT_OFFSET}. A command-line option always wins over the environment.
 */
final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {
    private final Map<String, String> env;

    EnvironmentDefaults() {
        this(System.getenv());
    }

    EnvironmentDefaults(Map<String, String> env) {
        this.env = env;
    }

    /** {@code --port-offset} -> {@code NAUTILUS_PORT_OFFSET}. */
    static String variableFor(String longOption) {
        return "NAUTILUS_" + longOption.replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argSpec) {
        if (argSpec instanceof CommandLine.Model.OptionSpec option) {
            String value = env.get(variableFor(option.longestName()));
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return argSpec.defaultValue();
    }
}
