package org.ztpbox.cli;

import java.nio.file.Path;
import org.ztpbox.config.ConfigLoader;
import org.ztpbox.config.ZtpboxConfig;
import picocli.CommandLine.Option;

/** The {@code --config} option every command shares; without it, the embedded defaults apply. */
public final class ConfigOption {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: the embedded defaults; template in conf/ztpbox.yaml).")
    Path file;

    ZtpboxConfig load() {
        return file == null ? ConfigLoader.defaults() : ConfigLoader.load(file);
    }
}
