package dev.dbx.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** dbx's own git revision, stored with every run so a result can be traced to the code that measured it. */
final class Revision {
    private Revision() {}

    /** The commit of dbx's checkout, with "+dirty" when it has changes; "unknown" outside a checkout. */
    static String current() {
        Path home = Path.of(System.getProperty("dbx.home", "."));
        String commit = git(home, "rev-parse", "--short=12", "HEAD");
        if (commit == null || commit.isBlank()) {
            return "unknown";
        }
        String changes = git(home, "status", "--porcelain", "--untracked-files=no");
        return commit.strip() + (changes != null && !changes.isBlank() ? "+dirty" : "");
    }

    private static String git(Path home, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = home.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
