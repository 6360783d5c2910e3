package io.blockwise.cli;

import io.blockwise.render.ToolVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version and the git commit the jar was built from. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {ToolVersion.current().describe()};
    }
}
