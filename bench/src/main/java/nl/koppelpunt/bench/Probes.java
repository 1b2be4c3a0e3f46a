package nl.koppelpunt.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.VirtualMachine;

/** Looks inside a system under test: its PostgreSQL settings, its broker's journal settings and queues, its heap. */
public final class Probes {

    static final List<String> PG_SETTINGS = List.of("server_version", "synchronous_commit", "fsync", "full_page_writes",
            "wal_sync_method", "commit_delay", "commit_siblings", "wal_writer_delay", "wal_buffers", "shared_buffers",
            "max_connections", "checkpoint_timeout", "max_wal_size");

    private Probes() {
    }

    /** JDBC URL of an embedded (zonky) PostgreSQL from its postmaster.pid (line 4 is the port). */
    public static String embeddedJdbcUrl(Path postgresDataDir) throws IOException {
        List<String> lines = Files.readAllLines(postgresDataDir.resolve("postmaster.pid"));
        return "jdbc:postgresql://localhost:" + lines.get(3).trim() + "/postgres";
    }

    /** The postmaster's pid, for CPU accounting of the database processes. */
    public static long postmasterPid(Path postgresDataDir) {
        try {
            return Long.parseLong(Files.readAllLines(postgresDataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    public static Map<String, Object> postgresSettings(String url, String user, String password) {
        Map<String, Object> settings = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url, user, password == null ? "" : password);
             Statement s = c.createStatement()) {
            for (String name : PG_SETTINGS) {
                try (ResultSet rs = s.executeQuery("SHOW " + name)) {
                    rs.next();
                    settings.put(name, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            settings.put("error", e.getMessage());
        }
        return settings;
    }

    /**
     * Cumulative activity counters of the database (pg_stat_database, pg_stat_wal): commits, rows written, WAL
     * flushes. The difference over the window, per message, shows how much durable I/O one message costs.
     */
    public static Map<String, Long> postgresActivity(String url, String user, String password) {
        Map<String, Long> m = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url, user, password == null ? "" : password);
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted,"
                    + " tup_fetched FROM pg_stat_database WHERE datname = current_database()")) {
                if (rs.next()) {
                    for (String col : List.of("xact_commit", "xact_rollback", "tup_inserted", "tup_updated", "tup_deleted",
                            "tup_fetched")) {
                        m.put(col, rs.getLong(col));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT wal_records, wal_bytes, wal_write, wal_sync FROM pg_stat_wal")) {
                if (rs.next()) {
                    for (String col : List.of("wal_records", "wal_bytes", "wal_write", "wal_sync")) {
                        m.put(col, rs.getLong(col));
                    }
                }
            } catch (SQLException olderThan14) {
                // pg_stat_wal exists from PostgreSQL 14 on
            }
        } catch (SQLException e) {
            m.clear();
        }
        return m;
    }

    /** A JMX connection to a local JVM through the attach API (same user). */
    public static final class Jmx implements AutoCloseable {

        private final JMXConnector connector;
        private final MBeanServerConnection server;

        public Jmx(long pid) throws Exception {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                String address = vm.startLocalManagementAgent();
                connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
                server = connector.getMBeanServerConnection();
            } finally {
                vm.detach();
            }
        }

        /** Full GC, then heap used: the live heap at the end of the run. */
        public long heapAfterFullGc() throws IOException {
            MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME,
                    MemoryMXBean.class);
            memory.gc();
            return memory.getHeapMemoryUsage().getUsed();
        }

        public List<String> inputArguments() throws IOException {
            return ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.RUNTIME_MXBEAN_NAME,
                    java.lang.management.RuntimeMXBean.class).getInputArguments();
        }

        /** Journal and persistence attributes of the embedded Artemis broker. */
        public Map<String, Object> artemisSettings() {
            Map<String, Object> settings = new TreeMap<>();
            try {
                Set<ObjectName> brokers = server.queryNames(new ObjectName("org.apache.activemq.artemis:broker=*"), null);
                for (ObjectName broker : brokers) {
                    for (MBeanAttributeInfo a : server.getMBeanInfo(broker).getAttributes()) {
                        String n = a.getName();
                        if (n.startsWith("Journal") || n.equals("PersistenceEnabled") || n.equals("Version")
                                || n.startsWith("GlobalMax") || n.equals("PagingDirectory")) {
                            try {
                                settings.put(n, String.valueOf(server.getAttribute(broker, n)));
                            } catch (Exception ignored) {
                                // attribute not readable: leave it out
                            }
                        }
                    }
                }
                if (brokers.isEmpty()) {
                    settings.put("error", "no Artemis broker MBean registered");
                }
            } catch (Exception e) {
                settings.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            return settings;
        }

        /** Messages waiting per queue right now (the stage with the backlog is the bottleneck). */
        public Map<String, Long> queueDepths() {
            Map<String, Long> depths = new TreeMap<>();
            try {
                for (ObjectName q : server.queryNames(new ObjectName(
                        "org.apache.activemq.artemis:component=addresses,subcomponent=queues,*"), null)) {
                    String name = unquote(q.getKeyProperty("queue"));
                    if (!name.startsWith("$") && !name.startsWith("activemq.")) {
                        depths.put(name, ((Number) server.getAttribute(q, "MessageCount")).longValue());
                    }
                }
            } catch (Exception e) {
                depths.put("error: " + e.getClass().getSimpleName(), -1L);
            }
            return depths;
        }

        private static String unquote(String value) {
            return value != null && value.startsWith("\"") ? ObjectName.unquote(value) : String.valueOf(value);
        }

        @Override
        public void close() throws IOException {
            connector.close();
        }
    }
}
