package dev.dbx.app;

import dev.dbx.core.DbxException;
import dev.dbx.core.Failures;
import dev.dbx.core.config.ConfigLoader;
import dev.dbx.core.config.DbxConfig;
import dev.dbx.engine.EngineFailure;
import dev.dbx.lab.Lab;
import dev.dbx.lab.QuerySuites;
import dev.dbx.workloads.ycsb.YcsbMix;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The dbx command line. */
@Command(
        name = "dbx",
        mixinStandardHelpOptions = true,
        versionProvider = Dbx.Version.class,
        description = "A database exploration lab: one dataset, eight engines, measured.",
        subcommands = {
            UpCommand.class,
            StatusCommand.class,
            DownCommand.class,
            LoadCommand.class,
            DropCommand.class,
            VerifyCommand.class,
            ImportCommand.class,
            DemoCommand.class,
            GenCommand.class,
            BenchCommand.class,
            RunsCommand.class,
            CompareCommand.class,
            ReportCommand.class,
            SecretCommand.class,
            ExplainCommand.class,
            AdviseCommand.class,
            SyncCommand.class,
            ChurnCommand.class
        },
        footer = {
            "",
            "Settings come from flags, then environment (DBX_DATA_DIR, DBX_STORE_<ID>, DBX_PORT_<ENGINE>,"
                    + " DBX_POOL_<STORE>, DBX_TIMEOUT), then dbx.yaml."
        })
public final class Dbx implements Runnable {
    @Option(
            names = "--data-dir",
            scope = ScopeType.INHERIT,
            paramLabel = "DIR",
            description = "Where local engines keep data, logs and state (default: .dbx).")
    Path dataDir;

    @Option(
            names = "--config",
            scope = ScopeType.INHERIT,
            paramLabel = "FILE",
            description = "Settings file (default: dbx.yaml when present).")
    Path configFile;

    @Option(
            names = "--store",
            scope = ScopeType.INHERIT,
            paramLabel = "STORE=URI",
            mapFallbackValue = NAME_ONLY,
            description = "Use an external server for a store, e.g. --store mongo=mongodb://db.example:27017/shop"
                    + " (explain and advise take a bare --store NAME: the store to work on).")
    Map<String, String> stores = new LinkedHashMap<>();

    /** The value picocli gives a bare {@code --store NAME}: no URI. */
    static final String NAME_ONLY = "\u0000name";

    private boolean storeNameAccepted;

    @Option(
            names = "--port",
            scope = ScopeType.INHERIT,
            paramLabel = "ENGINE=PORT",
            description = "Client port of a local engine, e.g. --port postgres=25432.")
    Map<String, Integer> ports = new LinkedHashMap<>();

    @Option(
            names = "--pool",
            scope = ScopeType.INHERIT,
            paramLabel = "STORE=N",
            description = "Connections a store's client may hold at once, e.g. --pool postgres=32 (default: each"
                    + " store's own).")
    Map<String, Integer> pools = new LinkedHashMap<>();

    @Option(
            names = "--timeout",
            scope = ScopeType.INHERIT,
            paramLabel = "DURATION",
            description = "Longest a connect or request may take (default: 10s).")
    String timeout;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private Lab lab;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The lab these options describe (resolved once). */
    Lab lab() {
        if (lab == null) {
            Duration t = timeout == null ? null : ConfigLoader.parseDuration("--timeout", timeout);
            Map<String, String> uris = new LinkedHashMap<>(stores);
            uris.values().removeIf(NAME_ONLY::equals);
            if (uris.size() < stores.size() && !storeNameAccepted) {
                throw new DbxException(
                        "--store expects STORE=URI here", "e.g. --store mongo=mongodb://db.example:27017/shop");
            }
            DbxConfig config = ConfigLoader.load(
                    new ConfigLoader.Overrides(configFile, dataDir, uris, ports, t, pools), environment);
            Logging.init(config.dataDir());
            lab = new Lab(config);
        }
        return lab;
    }

    /**
     * The one store a command works on ({@code explain}, {@code advise}): a bare {@code --store NAME}, or the store of
     * a single {@code --store NAME=URI}.
     */
    String chosenStore() {
        storeNameAccepted = true;
        if (stores.size() != 1) {
            throw new DbxException(
                    stores.isEmpty() ? "which store? none was given" : "one store at a time, not " + stores.size(),
                    "name it with --store NAME, e.g. --store postgres");
        }
        return stores.keySet().iterator().next();
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs dbx and returns its exit code: 0 ok, 1 failed, 2 bad usage. Everything it prints, on either stream and by
     * any path (picocli's own messages included), goes through the secret redaction; stderr lines are cut at
     * {@value #MAX_ERR_LINE} characters (an error may quote input).
     */
    public static int execute(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        rawOut = out;
        PrintStream redactedOut = RedactedOutput.of(out, 0);
        PrintStream redactedErr = RedactedOutput.of(err, MAX_ERR_LINE);
        System.setOut(redactedOut);
        System.setErr(redactedErr);
        try {
            CommandLine cli = new CommandLine(new Dbx());
            CommandLine bench = cli.getSubcommands().get("bench");
            for (YcsbMix mix : YcsbMix.CORE) {
                CommandLine sub = new CommandLine(new BenchWorkloadCommand(mix.name()));
                String[] general = sub.getCommandSpec().usageMessage().description();
                String[] lines = new String[general.length + 1];
                lines[0] = mix.description().replace("%", "%%") + "."; // picocli formats help text: % is its escape
                System.arraycopy(general, 0, lines, 1, general.length);
                sub.getCommandSpec().usageMessage().description(lines);
                bench.addSubcommand(mix.name(), sub);
            }
            for (String suite : QuerySuites.NAMES) {
                CommandLine sub = new CommandLine(new BenchQueriesCommand(suite));
                String[] general = sub.getCommandSpec().usageMessage().description();
                String[] lines = new String[general.length + 1];
                lines[0] = QuerySuites.description(suite);
                System.arraycopy(general, 0, lines, 1, general.length);
                sub.getCommandSpec().usageMessage().description(lines);
                bench.addSubcommand(suite, sub);
            }
            cli.setOut(new PrintWriter(redactedOut, true));
            cli.setErr(new PrintWriter(redactedErr, true));
            cli.setExecutionExceptionHandler(Dbx::handle);
            cli.setParameterExceptionHandler(Dbx::badUsage);
            try {
                return cli.execute(args);
            } catch (Error e) {
                // picocli hands only Exceptions to the handler; an Error (e.g. a class missing from a broken build)
                // would otherwise reach the user as a stack trace
                redactedErr.println("dbx: unexpected error: " + Failures.describe(e));
                redactedErr.println("  (details in " + Logging.file() + ")");
                Logging.error("unexpected error", e);
                return 1;
            }
        } finally {
            redactedOut.flush();
            redactedErr.flush();
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** The environment settings are read from: the process's, or a test's. */
    static volatile java.util.Map<String, String> environment = System.getenv();

    /** The longest stderr line shown whole. */
    static final int MAX_ERR_LINE = 1_000;

    /** The terminal's stdout without redaction: only {@code dbx secret}, asked to show the secret, writes there. */
    private static volatile PrintStream rawOut = System.out;

    static PrintStream rawOut() {
        return rawOut;
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof DbxException d) {
            err.println("dbx: " + d.userMessage());
            if (d instanceof EngineFailure f && !f.logTail().isEmpty()) {
                err.println("  last lines of its log:");
                f.logTail().forEach(line -> err.println("    " + line));
            }
        } else {
            err.println("dbx: unexpected error: " + Failures.describe(e));
            err.println("  (details in " + Logging.file() + ")");
            Logging.error("unexpected error", e);
        }
        err.flush();
        return 1;
    }

    private static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        if (e.getArgSpec() instanceof CommandLine.Model.OptionSpec option
                && option.longestName().equals("--store")) {
            // picocli would quote the value, and a store's value is a URI that may hold a password
            err.println(
                    "dbx: --store expects STORE=URI, e.g. --store mongo=mongodb://user:password@db.example:27017/shop"
                            + " (the value given is not repeated here: it may hold a password)");
        } else if (e instanceof CommandLine.UnmatchedArgumentException u
                && !u.isUnknownOption()
                && !cli.getSubcommands().isEmpty()
                && !u.getUnmatched().isEmpty()) {
            // picocli would say "Unmatched arguments from index 1: ..." and list every argument after it
            err.println("dbx: " + cli.getCommandSpec().qualifiedName() + " has no command '"
                    + u.getUnmatched().get(0) + "' (its commands: "
                    + String.join(", ", cli.getSubcommands().keySet()) + ")");
        } else {
            err.println("dbx: " + e.getMessage());
        }
        err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return 2;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Dbx.class.getPackage().getImplementationVersion();
            return new String[] {
                "dbx " + (v == null ? "(development build)" : v),
                "Java " + Runtime.version() + " (" + System.getProperty("java.home") + ")"
            };
        }
    }
}
