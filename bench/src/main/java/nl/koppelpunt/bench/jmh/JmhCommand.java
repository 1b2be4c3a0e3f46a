package nl.koppelpunt.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code java -jar koppelpunt-bench.jar jmh [JMH options]}: the micro-benchmarks of the hot steps. */
@Command(name = "jmh", description = {"JMH micro-benchmarks: contract validation, strict parse, fingerprint, pseudonym,",
        "payload encryption, the rule decision. Any JMH option may follow (e.g. -h, -l, -f 2, RegelsBenchmark); without options:",
        "  -f 1 -wi 3 -w 2s -i 5 -r 2s -rf json -rff bench/target/jmh.json nl.koppelpunt.bench.jmh"})
public class JmhCommand implements Callable<Integer> {

    @Unmatched
    List<String> jmhArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<String> args = new ArrayList<>(jmhArgs);
        if (args.isEmpty()) {
            args.addAll(List.of("-f", "1", "-wi", "3", "-w", "2s", "-i", "5", "-r", "2s",
                    "-rf", "json", "-rff", "bench/target/jmh.json", "nl.koppelpunt.bench.jmh"));
        }
        new Runner(new CommandLineOptions(args.toArray(String[]::new))).run();
        return 0;
    }
}
