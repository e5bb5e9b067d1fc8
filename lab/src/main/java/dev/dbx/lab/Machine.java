package dev.dbx.lab;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The machine a measurement ran on, stored with its results so runs can be compared later.
 *
 * @param cores processors available to dbx's JVM
 * @param maxHeapBytes dbx's heap limit
 * @param java the JDK's version
 * @param os the operating system and kernel
 * @param cpu the processor's model name
 * @param memTotal the machine's memory, as /proc/meminfo says it
 * @param loadAverage the one-minute load average when it was asked (the machine is shared: a busy one is noted)
 */
public record Machine(
        int cores, long maxHeapBytes, String java, String os, String cpu, String memTotal, double loadAverage) {
    public static Machine describe() {
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory(),
                Runtime.version().toString(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                procField("/proc/cpuinfo", "model name"),
                procField("/proc/meminfo", "MemTotal"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The same, as text by name: how a stored run keeps it. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cores", Integer.toString(cores));
        m.put("maxHeapBytes", Long.toString(maxHeapBytes));
        m.put("java", java);
        m.put("os", os);
        m.put("cpu", cpu);
        m.put("memTotal", memTotal);
        m.put("loadAverage", String.format(Locale.ROOT, "%.2f", loadAverage));
        return m;
    }

    private static String procField(String file, String field) {
        try {
            return Files.readAllLines(Path.of(file)).stream()
                    .filter(l -> l.startsWith(field))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
