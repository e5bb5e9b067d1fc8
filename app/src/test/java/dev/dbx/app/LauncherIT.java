package dev.dbx.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher refuses a JDK that cannot build dbx with a message, before any JVM or Maven error can happen. */
class LauncherIT {
    @TempDir
    Path empty;

    @Test
    void anOldJdkAndNoOtherIsRefusedWithWhatToDo() throws Exception {
        String out = run("/usr/lib/jvm/java-17-openjdk-amd64");
        assertThat(out)
                .contains("is JDK 17; dbx needs a JDK >= 21")
                .contains("no JDK >= 21 found")
                .contains("set JAVA_HOME")
                .doesNotContain("Unrecognized option")
                .doesNotContain("Exception");
    }

    @Test
    void aJavaHomeWithoutJavacIsNamedAsSuch() throws Exception {
        Path jre = Files.createDirectories(empty.resolve("jre/bin"));
        Files.writeString(jre.resolve("java"), "#!/bin/sh\nexit 0\n");
        jre.resolve("java").toFile().setExecutable(true);
        assertThat(run(jre.getParent().toString())).contains("not a JDK (no javac)");
    }

    private String run(String javaHome) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("dbx.project.root", ".."));
        Path noJdks = Files.createDirectories(empty.resolve("jvm"));
        ProcessBuilder pb =
                new ProcessBuilder("bash", root.resolve("dbx").toString(), "--version").redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", javaHome);
        pb.environment().put("DBX_JDK_DIR", noJdks.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(1);
        return out;
    }
}
