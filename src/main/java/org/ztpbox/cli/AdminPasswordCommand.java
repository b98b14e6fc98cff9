package org.ztpbox.cli;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.FlatJson;
import org.ztpbox.core.PhoneAdminPassword;
import org.ztpbox.provisioning.AdminPasswordFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ztpbox admin-password}: the admin password ztpbox sets on its phones, and where it comes
 * from. A phone whose inventory row has an "admin password" column gets that one instead.
 */
@Command(name = "admin-password", mixinStandardHelpOptions = true,
        description = "Show the admin password ztpbox sets on the phones (device.auth.localAdminPassword).")
public final class AdminPasswordCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = "--json", description = "Print a JSON object instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ZtpboxConfig c = config.load();
        var out = spec.commandLine().getOut();
        PhoneAdminPassword configured = c.provisioning().rendering().adminPassword();
        AdminPasswordFile file = new AdminPasswordFile(c.stateDir(), new SecureRandom());
        Optional<PhoneAdminPassword> password;
        String source;
        if (configured != null) {
            password = Optional.of(configured);
            source = "provisioning.admin-password";
        } else {
            password = file.read();
            source = file.file().toString();
        }
        if (password.isEmpty()) {
            // Not created here: run as another user (sudo), the file would be unreadable to the service.
            spec.commandLine().getErr().printf("ztpbox: no phone admin password yet: ztpbox generates one into %s"
                    + " when it first starts (or set provisioning.admin-password)%n", file.file());
            return 1;
        }
        if (json) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("password", password.get().value());
            row.put("source", source);
            out.println(FlatJson.write(row));
        } else {
            out.println(password.get().value());
            out.printf("(from %s; an inventory row's \"admin password\" column overrides it for that phone)%n", source);
        }
        out.flush();
        return 0;
    }
}
