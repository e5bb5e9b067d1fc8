package dev.dbx.engine.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.engine.EngineContractIT;
import dev.dbx.engine.PrivateFiles;
import dev.dbx.engine.RunningEngine;
import dev.dbx.engine.ServerBinaries;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RedisEngineIT extends EngineContractIT {
    @Override
    protected String engineName() {
        return "redis";
    }

    @Override
    protected String expectedProduct() {
        return "Redis";
    }

    @Override
    protected String expectedVersionPrefix() {
        // Debian 12's redis-server is 7.0; the binary in embedded-redis is 6.2
        boolean debian = ServerBinaries.onPath("redis-server").isPresent()
                && !"bundled".equals(System.getenv("DBX_REDIS_BINARY"));
        return debian ? "7." : "6.2.";
    }

    @Test
    void onlyDbxWithTheLabsSecretGetsIn() throws IOException {
        try (RunningEngine engine = RunningEngine.start(engineName())) {
            URI uri = engine.uri();
            assertThat(uri.getUserInfo()).isEqualTo("dbx:" + secret(engine));

            try (Resp anonymous = new Resp(uri)) {
                assertThat(anonymous.call("PING")).startsWith("-NOAUTH");
                assertThat(anonymous.call("GET", "k")).startsWith("-NOAUTH");
                assertThat(anonymous.call("CONFIG", "SET", "dir", "/tmp")).startsWith("-NOAUTH");
            }
            try (Resp wrong = new Resp(uri)) {
                assertThat(wrong.call("AUTH", "dbx", "not-the-secret")).startsWith("-WRONGPASS");
                assertThat(wrong.call("PING")).startsWith("-NOAUTH");
            }
            try (Resp asDefault = new Resp(uri)) {
                assertThat(asDefault.call("AUTH", secret(engine)))
                        .as("the default user is off, whatever the password")
                        .startsWith("-WRONGPASS");
                assertThat(asDefault.call("AUTH", "default", "")).startsWith("-WRONGPASS");
            }
            try (Resp dbx = new Resp(uri)) {
                assertThat(dbx.call("AUTH", "dbx", secret(engine))).isEqualTo("+OK");
                assertThat(dbx.call("SET", "k", "v")).isEqualTo("+OK");
                assertThat(dbx.call("GET", "k")).isEqualTo("v");
            }
        }
    }

    /**
     * What dbx's user may not do, chief among them {@code CONFIG SET dir} followed by a save: that writes a file with
     * chosen content wherever the server's OS user may write. What dbx needs of the {@code @dangerous} category is
     * given back, and only that.
     */
    @Test
    void dangerousCommandsAreDeniedToDbxAndWhatDbxNeedsIsNot() throws IOException {
        try (RunningEngine engine = RunningEngine.start(engineName());
                Resp dbx = new Resp(engine.uri())) {
            assertThat(dbx.call("AUTH", "dbx", secret(engine))).isEqualTo("+OK");
            assertThat(dbx.call("SET", "survivor", "1")).isEqualTo("+OK");

            for (List<String> command : List.of(
                    List.of("CONFIG", "SET", "dir", "/tmp"),
                    List.of("CONFIG", "SET", "dbfilename", "authorized_keys"),
                    List.of("CONFIG", "SET", "appendfsync", "always"),
                    List.of("CONFIG", "REWRITE"),
                    List.of("SAVE"),
                    List.of("BGSAVE"),
                    List.of("FLUSHALL"),
                    List.of("FLUSHDB"),
                    List.of("SHUTDOWN", "NOSAVE"),
                    List.of("REPLICAOF", "127.0.0.1", "1"),
                    List.of("ACL", "SETUSER", "dbx", "+@all"),
                    List.of("MONITOR"),
                    List.of("KEYS", "*"),
                    List.of("CLIENT", "KILL", "127.0.0.1:1"))) {
                assertThat(dbx.call(command.toArray(String[]::new)))
                        .as(String.join(" ", command))
                        .startsWith("-NOPERM");
            }

            // 7.0 refuses DEBUG and MODULE to everybody before it looks at the user (enable-debug-command and
            // enable-module-command are "no" by default); 6.2 has no such switch, and its ACL refuses them
            for (List<String> command :
                    List.of(List.of("DEBUG", "SLEEP", "0"), List.of("MODULE", "LOAD", "/tmp/x.so"))) {
                assertThat(dbx.call(command.toArray(String[]::new)))
                        .as(String.join(" ", command))
                        .matches("-NOPERM .*|-ERR " + command.get(0) + " command not allowed.*");
            }

            assertThat(dbx.call("GET", "survivor"))
                    .as("not flushed, not shut down")
                    .isEqualTo("1");
            assertThat(dbx.call("CONFIG", "GET", "appendfsync"))
                    .as("CONFIG GET")
                    .contains("everysec");
            assertThat(dbx.call("CONFIG", "GET", "dir"))
                    .contains(engine.dataDir().toString());
            assertThat(dbx.call("INFO", "server")).contains("redis_version:");
            assertThat(dbx.call("CLIENT", "SETNAME", "dbx")).isEqualTo("+OK");
            assertThat(dbx.call("BGREWRITEAOF")).startsWith("+");
        }
    }

    @Test
    void theSecretIsInAnOwnerOnlyFileNeverOnTheCommandLineAndTheDataIsOwnerOnly() throws IOException {
        try (RunningEngine engine = RunningEngine.start(engineName());
                Resp dbx = new Resp(engine.uri())) {
            String secret = secret(engine);
            Path home = engine.supervisor().home(engine.engine());
            Path config = home.resolve(RedisConfig.FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(config)).contains(">" + secret);

            // Redis rewrites its process title; the command dbx started is in the log, with the file as its argument
            String commandLine = Files.readString(Path.of("/proc", Long.toString(engine.pid()), "cmdline"));
            assertThat(commandLine).doesNotContain(secret);
            String log = Files.readString(home.resolve("server.log"));
            assertThat(log)
                    .contains("dbx: starting redis")
                    .contains(config.toString())
                    .doesNotContain(secret);

            assertThat(dbx.call("AUTH", "dbx", secret)).isEqualTo("+OK");
            assertThat(dbx.call("SET", "k", "v")).isEqualTo("+OK");
            assertThat(dbx.call("BGREWRITEAOF")).startsWith("+");
            awaitNoRewrite(dbx);
            assertEveryFileOwnerOnly(home.resolve("data"));
        }
    }

    /**
     * A data directory from before the lab had a secret (files readable by all, no password asked): the next start
     * asks for the secret and makes the files owner-only, and the data is still there.
     */
    @Test
    void anOlderDataDirectoryIsBroughtToTheNewSchemeOnTheNextStart() throws IOException {
        try (RunningEngine engine = RunningEngine.start(engineName())) {
            try (Resp dbx = new Resp(engine.uri())) {
                assertThat(dbx.call("AUTH", "dbx", secret(engine))).isEqualTo("+OK");
                assertThat(dbx.call("SET", "kept", "yes")).isEqualTo("+OK");
            }
            engine.supervisor().down(engine.engine());
            Path data = engine.supervisor().home(engine.engine()).resolve("data");
            try (Stream<Path> walk = Files.walk(data)) {
                for (Path p : walk.toList()) {
                    Files.setPosixFilePermissions(
                            p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }

            engine.supervisor().up(engine.engine());

            assertEveryFileOwnerOnly(data);
            try (Resp anonymous = new Resp(engine.uri())) {
                assertThat(anonymous.call("GET", "kept")).startsWith("-NOAUTH");
            }
            try (Resp dbx = new Resp(engine.uri())) {
                assertThat(dbx.call("AUTH", "dbx", secret(engine))).isEqualTo("+OK");
                assertThat(dbx.call("GET", "kept")).isEqualTo("yes");
            }
        }
    }

    private static void assertEveryFileOwnerOnly(Path data) throws IOException {
        try (Stream<Path> walk = Files.walk(data)) {
            List<Path> paths = walk.toList();
            assertThat(paths)
                    .anySatisfy(p -> assertThat(p.getFileName().toString()).contains("appendonly"));
            for (Path p : paths) {
                assertThat(Files.getPosixFilePermissions(p))
                        .as("%s", p)
                        .isEqualTo(Files.isDirectory(p) ? PrivateFiles.DIRECTORY : PrivateFiles.FILE);
            }
        }
    }

    private static void awaitNoRewrite(Resp dbx) throws IOException {
        for (int i = 0; i < 100; i++) {
            String info = dbx.call("INFO", "persistence");
            if (info.contains("aof_rewrite_in_progress:0") && info.contains("aof_rewrite_scheduled:0")) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String secret(RunningEngine engine) {
        String info = engine.uri().getUserInfo();
        return info.substring(info.indexOf(':') + 1);
    }

    /**
     * Redis's protocol by hand, so that what the server answers is seen as it is (no client library deciding to send
     * AUTH, HELLO or CLIENT SETNAME first). A reply is its first line ("+OK", "-NOPERM ...") or, for a bulk string,
     * its content; an array's bulk strings are joined with newlines.
     */
    private static final class Resp implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Resp(URI uri) throws IOException {
            socket = new Socket(uri.getHost(), uri.getPort());
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream());
        }

        String call(String... args) throws IOException {
            ByteArrayOutputStream command = new ByteArrayOutputStream();
            command.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            for (String arg : args) {
                byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
                command.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
                command.writeBytes(bytes);
                command.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(command.toByteArray());
            out.flush();
            return reply();
        }

        private String reply() throws IOException {
            String line = line();
            return switch (line.charAt(0)) {
                case '$' -> {
                    int length = Integer.parseInt(line.substring(1));
                    if (length < 0) {
                        yield null;
                    }
                    String value = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                    line();
                    yield value;
                }
                case '*' -> {
                    int n = Integer.parseInt(line.substring(1));
                    StringBuilder all = new StringBuilder();
                    for (int i = 0; i < n; i++) {
                        all.append(reply()).append('\n');
                    }
                    yield all.toString();
                }
                default -> line;
            };
        }

        private String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("the server closed the connection");
                }
                if (c != '\r') {
                    line.write(c);
                }
            }
            return line.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
