package org.ztpbox.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ztpbox run}: the appliance, until stopped by a signal. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the appliance (DHCP and the provisioning services) until stopped.")
public final class RunCommand implements Callable<Integer> {

    private final ApplianceRuntime runtime;

    @Mixin
    ConfigOption config;

    public RunCommand(ApplianceRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        AutoCloseable appliance = runtime.start(config.load());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                appliance.close();
            } catch (Exception e) {
                System.err.println("ztpbox: error while stopping: " + e);
            } finally {
                stopped.countDown();
            }
        }, "shutdown"));
        stopped.await();
        return 0;
    }
}
