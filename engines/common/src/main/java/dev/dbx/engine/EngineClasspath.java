package dev.dbx.engine;

import dev.dbx.core.DbxException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The classpath of an engine's server process: the engine's server module ({@code engines/<x>/server}) and its
 * dependencies, which that module's build lists in {@code META-INF/dbx/<x>.classpath}. The controller depends on the
 * server module's jar alone, so none of those dependencies is ever on dbx's own classpath.
 */
public final class EngineClasspath {
    private EngineClasspath() {}

    public static String of(LocalEngine engine) {
        return of(engine.name(), engine.getClass().getClassLoader());
    }

    /**
     * The classpath of any child JVM whose module writes {@code META-INF/dbx/<name>.classpath} the same way (the capture
     * process of change data capture does), found through {@code loader}.
     */
    public static String of(String name, ClassLoader loader) {
        String resource = "META-INF/dbx/" + name + ".classpath";
        URL url = loader.getResource(resource);
        if (url == null) {
            throw new DbxException(
                    name + " has no process classpath (" + resource + " is missing)", "rebuild dbx: ./dbx build");
        }
        String dependencies;
        try (InputStream in = url.openStream()) {
            dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new DbxException("cannot read the classpath of " + name + ": " + e.getMessage());
        }
        String own = serverModuleLocation(url, resource);
        return dependencies.isEmpty() ? own : own + File.pathSeparator + dependencies;
    }

    /** The jar or classes directory the resource came from. */
    private static String serverModuleLocation(URL url, String resource) {
        try {
            if ("jar".equals(url.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                return Path.of(connection.getJarFileURL().toURI()).toString();
            }
            Path file = Path.of(url.toURI());
            Path root = file;
            for (int i = 0; i < Path.of(resource).getNameCount(); i++) {
                root = root.getParent();
            }
            return root.toString();
        } catch (IOException | URISyntaxException e) {
            throw new DbxException("cannot locate the server module of " + url + ": " + e.getMessage());
        }
    }
}
