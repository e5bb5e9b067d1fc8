package dev.dbx.app;

import dev.dbx.lab.Lab;
import dev.dbx.lab.StoreSelection;
import dev.dbx.lab.Verification;
import dev.dbx.sync.verify.VerifyReport;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Prove the stores hold the same data: row count and checksum of every entity, side by side.",
            "Each store gives every row back as canonical values (MongoDB's embedded line items count as lineitem",
            "rows), and an order-independent checksum of them is compared with the reference store's.",
            "When every store holds a whole, unchanged load of the same dataset, each is compared with the dataset as",
            "generated (the counts TPC-H defines for the scale factor, every row's values); otherwise with the",
            "reference store. Exits 1 on any difference, on a load that never finished, and when the reference",
            "cannot be read (then nothing was compared)."
        })
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    Dbx dbx;

    @Option(
            names = "--dataset",
            paramLabel = "tpch|ycsb",
            description = "Only this dataset (default: every dataset the reference holds).")
    String dataset;

    @Option(
            names = "--stores",
            split = ",",
            paramLabel = "STORE",
            description = "Only these stores (default: every store that can be reached).")
    List<String> stores;

    @Option(
            names = "--against",
            paramLabel = "STORE",
            description = "The reference: a store, or 'generated' for the dataset as generated (default: the generated"
                    + " dataset when every store holds the same whole load of it, else postgres, the source of truth,"
                    + " when verified, else the first store).")
    String against;

    @Option(
            names = "--json",
            description =
                    "Print JSON: {\"equal\", \"differences\", \"stores\": [{\"store\", \"server\", \"entities\"}]}.")
    boolean json;

    @Override
    public Integer call() {
        Lab lab = dbx.lab();
        StoreSelection selection = StoreSelection.resolve(lab, stores);
        selection.skipped().forEach(s -> System.err.println("  - " + s));
        List<Verification.Verified> verified = Verification.run(lab, selection.targets(), dataset, against);
        if (json) {
            VerifyRendering.json(verified, System.out);
        } else {
            VerifyRendering.table(verified, System.out);
        }
        for (Verification.Verified v : verified) {
            VerifyReport report = v.report();
            report.referenceError()
                    .ifPresent(e -> System.err.println("dbx: cannot verify " + report.dataset() + ": the reference "
                            + report.reference() + " cannot be read (" + e + ")"
                            + " (check that it runs with dbx status, or choose another with --against)"));
        }
        return Verification.equal(verified) ? 0 : 1;
    }
}
