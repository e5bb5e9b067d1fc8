package dev.dbx.app;

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
            "Exits 1 on any difference."
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
            description = "The reference store (default: postgres, the source of truth, when verified).")
    String against;

    @Option(
            names = "--json",
            description = "Print JSON: {\"equal\", \"stores\": [{\"store\", \"server\", \"entities\"}]}.")
    boolean json;

    @Override
    public Integer call() {
        Lab lab = dbx.lab();
        List<StoreTarget> targets = StoreSelection.resolve(lab, stores, System.err);
        List<VerifyReport> reports = Verifications.run(lab, targets, dataset, against);
        if (json) {
            Verifications.json(reports, System.out);
        } else {
            Verifications.table(reports, System.out);
        }
        return Verifications.equal(reports) ? 0 : 1;
    }
}
