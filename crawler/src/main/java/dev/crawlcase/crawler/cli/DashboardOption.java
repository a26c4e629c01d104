package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.dashboard.Dashboard;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Stack;

/**
 * {@code --dashboard [PORT]}, shared by run and compare: serve the live page, {@code /status} and {@code /metrics}
 * on 127.0.0.1 at PORT, or at a free port when none is given. The port is optional and seed URLs may follow, so the
 * next word is taken as the port only when it is a number.
 */
final class DashboardOption {
    static final int MAX_PORT = 65_535;

    @Option(names = "--dashboard", paramLabel = "PORT", arity = "0..1", preprocessor = PortOrNothing.class,
            converter = PortConverter.class,
            description = "Watch the crawl live at http://127.0.0.1:PORT/ (a free port without PORT).")
    Integer port;

    @Option(names = "--dashboard-hosts", paramLabel = "N", converter = HostsConverter.class,
            description = "Hosts of each kind the dashboard's host table shows: the N with the longest queues, the"
                    + " N with the most requests in flight, the N with the soonest retries (default: "
                    + Dashboard.DEFAULT_HOSTS + ").")
    Integer hosts;

    /** Hosts of each kind the host table shows. */
    int hosts() {
        return hosts == null ? Dashboard.DEFAULT_HOSTS : hosts;
    }

    /** The port asked for (0: a free one), or empty when the dashboard is off. */
    OptionalInt requested() {
        return port == null ? OptionalInt.empty() : OptionalInt.of(port);
    }

    /** {@code --dashboard} followed by something other than a number takes a free port and leaves that word alone. */
    static final class PortOrNothing implements IParameterPreprocessor {
        @Override
        public boolean preprocess(Stack<String> args, CommandSpec command, ArgSpec arg, Map<String, Object> info) {
            boolean attached = !" ".equals(info.get("separator"));
            if (!attached && (args.isEmpty() || !args.peek().matches("\\d+"))) {
                args.push("0");
            }
            return false;
        }
    }

    static final class HostsConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= 1 && n <= Dashboard.MAX_HOSTS) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // worded below, like a number out of range
            }
            throw new BadFlagValue("a number of hosts from 1 to " + Dashboard.MAX_HOSTS + ", got '" + value + "'");
        }
    }

    static final class PortConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int port = Integer.parseInt(value.trim());
                if (port >= 0 && port <= MAX_PORT) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // worded below, like a number out of range
            }
            throw new BadFlagValue("a port number from 0 to " + MAX_PORT + " (0 or none: a free port), got '"
                    + value + "'");
        }
    }
}
