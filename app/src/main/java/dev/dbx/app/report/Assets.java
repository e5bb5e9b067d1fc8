package dev.dbx.app.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * What a page inlines so it opens without a network: uPlot (from its WebJar on the classpath, with its MIT license)
 * and the page's own script and style (resources next to this class).
 */
record Assets(
        String uplotVersion, String uplotJs, String uplotCss, String uplotLicense, String reportJs, String reportCss) {
    private static final String WEBJAR = "/META-INF/resources/webjars/uplot/";

    /** Read once: every page carries the same ~50 KB. */
    private static final class Loaded {
        static final Assets ASSETS = load();
    }

    static Assets get() {
        return Loaded.ASSETS;
    }

    private static Assets load() {
        String version = webjarVersion();
        String base = WEBJAR + version + "/";
        return new Assets(
                version,
                inlinable(read(base + "dist/uPlot.iife.min.js"), "</script"),
                inlinable(read(base + "dist/uPlot.min.css"), "</style"),
                inlinable(read(base + "LICENSE"), "*/", "</script"),
                inlinable(read("/dev/dbx/app/report/report.js"), "</script"),
                inlinable(read("/dev/dbx/app/report/report.css"), "</style"));
    }

    /** The WebJar's version, from its own Maven metadata: the path of its files depends on it. */
    private static String webjarVersion() {
        Properties properties = new Properties();
        try (InputStream in = open("/META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static String read(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = Assets.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(
                    resource + " is not on the classpath: the report needs the uplot WebJar (org.webjars.npm:uplot)"
                            + " and dbx-app's own resources");
        }
        return in;
    }

    /** Refuses text that would end the element it is inlined into early (a newer library version could hold it). */
    private static String inlinable(String text, String... terminators) {
        for (String terminator : terminators) {
            if (text.toLowerCase(Locale.ROOT).contains(terminator)) {
                throw new IllegalStateException("cannot inline a text that contains '" + terminator + "'");
            }
        }
        return text;
    }
}
