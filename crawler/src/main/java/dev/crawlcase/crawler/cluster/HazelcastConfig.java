package dev.crawlcase.crawler.cluster;

import com.hazelcast.config.ClasspathXmlConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.FileSystemXmlConfig;
import com.hazelcast.spi.properties.ClusterProperty;
import com.hazelcast.spi.properties.HazelcastProperties;
import dev.crawlcase.json.ConfigException;
import dev.crawlcase.json.ConfigFile;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Loads the Hazelcast membership config: the given file, else config/cluster.xml if present, else the bundled
 * copy (loopback only, TCP join on 127.0.0.1:5701-5720, no multicast, phone-home off). Whatever the file says,
 * phone-home stays off: nothing of a crawl leaves the machine unless the user lists other members.
 */
public final class HazelcastConfig {
    private static final String BUNDLED = "config/cluster.xml";

    private HazelcastConfig() {
    }

    public static Config load(Path file) {
        // before the first Hazelcast class logs: through SLF4J (logback keeps com.hazelcast at WARN), not JUL
        System.setProperty("hazelcast.logging.type", "slf4j");
        Config config = read(file);
        String problem = MembershipCheck.problem(config);
        if (problem == null) {
            problem = JournalBackups.apply(config);
        }
        if (problem != null) {
            throw new ConfigException("--cluster-config", source(file) + ": " + problem);
        }
        config.setProperty("hazelcast.phone.home.enabled", "false");
        return config;
    }

    /**
     * The longest a node may stand still and still be sure the cluster has not declared it dead: members are
     * declared dead after {@code max.no.heartbeat} seconds without a heartbeat, and a node sends one every
     * {@code heartbeat.interval} seconds, so a pause shorter than their difference cannot cost it its membership. A
     * second less leaves room for the ticker of a {@code run.PauseFence}.
     */
    public static Duration pauseLimit(Config config) {
        HazelcastProperties properties = new HazelcastProperties(config);
        long noHeartbeatMs = properties.getMillis(ClusterProperty.MAX_NO_HEARTBEAT_SECONDS);
        long intervalMs = properties.getMillis(ClusterProperty.HEARTBEAT_INTERVAL_SECONDS);
        return Duration.ofMillis(Math.max(500, noHeartbeatMs - intervalMs - 1_000));
    }

    /** Where {@link #load load(file)} reads from: the file, config/cluster.xml, or the bundled copy. */
    public static String source(Path file) {
        Path chosen = chosen(file);
        return chosen == null ? BUNDLED + " (bundled)" : chosen.toString();
    }

    /** The file to read, or null for the bundled copy: {@link ConfigFile}'s lookup, the rule of every command. */
    private static Path chosen(Path file) {
        ConfigFile found = ConfigFile.find(file, "cluster.xml");
        return found.isBundled() ? null : found.path();
    }

    private static Config read(Path file) {
        Path chosen = chosen(file);
        try {
            if (chosen == null) {
                return new ClasspathXmlConfig(HazelcastConfig.class.getClassLoader(), BUNDLED);
            }
            if (!Files.isRegularFile(chosen)) {
                throw new ConfigException("--cluster-config", "no such file: " + chosen);
            }
            String notXml = XmlCheck.problem(chosen);
            if (notXml != null) {
                throw new ConfigException("--cluster-config", chosen + ": " + notXml);
            }
            return new FileSystemXmlConfig(chosen.toFile());
        } catch (FileNotFoundException e) {
            throw new ConfigException("--cluster-config", "no such file: " + chosen);
        } catch (RuntimeException e) {
            if (e instanceof ConfigException) {
                throw e;
            }
            throw new ConfigException("--cluster-config", (chosen == null ? BUNDLED : chosen) + ": " + e.getMessage());
        }
    }
}
