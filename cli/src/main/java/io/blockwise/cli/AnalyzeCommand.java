package io.blockwise.cli;

import io.blockwise.analysis.AnalysisJson;
import io.blockwise.analysis.AnalysisReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Report glitches (clicks, phase jumps, spikes, DC steps, dropouts), peak, RMS, DC, clipped and NaN/Inf samples of a WAV file. Exit 1 when glitches or NaN/Inf were found.")
final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "WAV")
    Path wav;

    @Option(names = "--json", description = "Print the report as a JSON object.")
    boolean json;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        AnalysisReport report = AnalysisReport.analyze(wav);
        spec.commandLine().getOut().print(json ? AnalysisJson.write(report) + "\n" : report.text());
        return report.clean() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
}
