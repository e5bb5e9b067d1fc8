package dev.dbx.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command that runs a server in the foreground (the supervisor puts it in the background, in its own session).
 *
 * @param command the program and its arguments
 * @param environment variables added to the inherited environment
 * @param workDir the working directory
 */
public record Launch(List<String> command, Map<String, String> environment, Path workDir) {
    public Launch {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    public static Launch of(Path workDir, List<String> command) {
        return new Launch(command, Map.of(), workDir);
    }

    /**
     * A child JVM running {@code mainClass} from {@code engine}'s module, with the server's own classpath (never the
     * client's) and the same JDK that runs dbx.
     */
    public static Launch jvm(
            LocalEngine engine, EngineContext ctx, String mainClass, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Djava.io.tmpdir=" + ctx.home().resolve("tmp"));
        command.add("-cp");
        command.add(EngineClasspath.of(engine));
        command.add(mainClass);
        command.addAll(args);
        return new Launch(command, Map.of(), ctx.home());
    }
}
