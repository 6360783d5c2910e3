package io.blockwise.cli;

import io.blockwise.scenario.ScenarioSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema (draft 2020-12) of the scenario format blockwise/1 (scenarios/schema.json).")
final class SchemaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(ScenarioSchema.text());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
