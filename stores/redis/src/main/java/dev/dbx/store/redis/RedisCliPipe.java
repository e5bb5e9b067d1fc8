package dev.dbx.store.redis;

import dev.dbx.core.DbxException;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redis's own mass-insertion path, {@code redis-cli --pipe} reading a RESP file: the baseline dbx's pipelined load is
 * measured against. Needs {@code redis-cli} on the PATH (Debian: redis-tools). The password goes through
 * {@code REDISCLI_AUTH}, never the command line.
 */
final class RedisCliPipe {
    private static final Pattern SUMMARY = Pattern.compile("errors: (\\d+), replies: (\\d+)");

    private final RedisURI target;

    RedisCliPipe(RedisURI target) {
        this.target = target;
    }

    String describe() {
        return "redis-cli --pipe ("
                + run(List.of(cli().toString(), "--version"), null).strip() + ")";
    }

    /** Pipes {@code file} into the server; every one of its {@code commands} must be answered without error. */
    void load(Path file, long commands) {
        List<String> command = new ArrayList<>(List.of(
                cli().toString(),
                "-h",
                target.getHost(),
                "-p",
                Integer.toString(target.getPort()),
                "-n",
                Integer.toString(target.getDatabase())));
        RedisCredentials credentials = credentials();
        if (credentials != null && credentials.hasUsername()) {
            command.add("--user");
            command.add(credentials.getUsername());
        }
        if (target.isSsl()) {
            command.add("--tls");
        }
        command.add("--pipe");
        String output = run(command, file);
        Matcher m = SUMMARY.matcher(output);
        if (!m.find()) {
            throw new DbxException("redis-cli --pipe gave no summary: " + output.strip());
        }
        long errors = Long.parseLong(m.group(1));
        long replies = Long.parseLong(m.group(2));
        if (errors > 0 || replies != commands) {
            throw new DbxException(
                    "redis-cli --pipe: " + errors + " errors, " + replies + " replies for " + commands + " commands");
        }
    }

    private String run(List<String> command, Path input) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        RedisCredentials credentials = credentials();
        if (credentials != null && credentials.hasPassword()) {
            builder.environment().put("REDISCLI_AUTH", new String(credentials.getPassword()));
        }
        try {
            Process p = builder.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new DbxException("redis-cli failed: " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new DbxException("cannot run redis-cli: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbxException("interrupted while redis-cli ran");
        }
    }

    private RedisCredentials credentials() {
        return target.getCredentialsProvider() == null
                ? null
                : target.getCredentialsProvider().resolveCredentials().block();
    }

    private static Path cli() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Arrays.stream(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, "redis-cli"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() ->
                        new DbxException("redis-cli is not installed", "install it: sudo apt-get install redis-tools"));
    }
}
