package org.ztpbox.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import org.ztpbox.core.EncryptionKeys;
import org.ztpbox.core.EncryptionKeys.KeyInfo;
import org.ztpbox.core.KeyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ztpbox encrypt} and {@code ztpbox decrypt}: one file at a time, with the appliance's keys. */
public final class CryptCommands {

    private CryptCommands() {
    }

    /** What both commands take: the configuration (for the state directory and its keys) and one file. */
    abstract static class OneFile implements Callable<Integer> {

        final ApplianceRuntime runtime;

        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "FILE", description = "The file to read.")
        Path file;

        @Spec
        CommandSpec spec;

        OneFile(ApplianceRuntime runtime) {
            this.runtime = runtime;
        }
    }

    /** {@code ztpbox encrypt FILE [--key NAME] [-o OUT]}. */
    @Command(name = "encrypt", mixinStandardHelpOptions = true,
            description = "Encrypt a configuration file as phones read it (see docs/ENCRYPTION.md).")
    public static final class Encrypt extends OneFile {

        @Option(names = "--key", paramLabel = "NAME", description = "The key's name (default: the current key).")
        String key;

        @Option(names = {"-o", "--output"}, paramLabel = "OUT",
                description = "Where to write (default: FILE.enc, never over an existing file).")
        Path output;

        public Encrypt(ApplianceRuntime runtime) {
            super(runtime);
        }

        @Override
        public Integer call() {
            return guarded(spec, () -> {
                EncryptionKeys keys = runtime.keys(config.load());
                byte[] plain = Files.readAllBytes(file);
                if (keys.encryptedWith(plain).isPresent()) {
                    throw new KeyException(file + " is already encrypted (with key '"
                            + keys.encryptedWith(plain).get() + "')");
                }
                String name = key != null ? key : keys.current().map(KeyInfo::name).orElseThrow(() ->
                        new KeyException("no key yet; 'ztpbox keys create' makes the first one"));
                Path out = output != null ? output : file.resolveSibling(file.getFileName() + ".enc");
                if (output == null && Files.exists(out)) {
                    throw new KeyException(out + " exists; name the output with -o");
                }
                write(out, keys.encrypt(plain, name), false);
                spec.commandLine().getOut().println("Encrypted " + file + " with key '" + name + "' into " + out);
            });
        }
    }

    /** {@code ztpbox decrypt FILE [-o OUT]}. */
    @Command(name = "decrypt", mixinStandardHelpOptions = true,
            description = "Decrypt a file with the key named in its first line (its KeyDesc).")
    public static final class Decrypt extends OneFile {

        @Option(names = {"-o", "--output"}, paramLabel = "OUT",
                description = "Where to write the plain file, mode 0600 (default: standard output).")
        Path output;

        public Decrypt(ApplianceRuntime runtime) {
            super(runtime);
        }

        @Override
        public Integer call() {
            return guarded(spec, () -> {
                EncryptionKeys.Decrypted plain = runtime.keys(config.load()).decrypt(Files.readAllBytes(file));
                if (output == null) {
                    System.out.write(plain.plain());
                    System.out.flush();
                } else {
                    write(output, plain.plain(), true);
                    spec.commandLine().getOut().println("Decrypted " + file + " (key '" + plain.keyName() + "') into "
                            + output);
                }
            });
        }
    }

    private interface Work {
        void run() throws IOException;
    }

    private static int guarded(CommandSpec spec, Work work) {
        try {
            work.run();
            return 0;
        } catch (KeyException e) {
            spec.commandLine().getErr().println("ztpbox: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            spec.commandLine().getErr().println("ztpbox: " + e);
            return 1;
        }
    }

    /** Temp file beside the target, then a rename: the target is whole or untouched. */
    private static void write(Path target, byte[] content, boolean secret) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--")));
        try {
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
