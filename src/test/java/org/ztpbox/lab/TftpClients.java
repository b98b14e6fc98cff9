package org.ztpbox.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines of the real TFTP clients, for running on the host ({@link HostCommand}) or in a
 * lab namespace: curl, tftp-hpa's {@code tftp} and {@code atftp}. Each names the server as
 * {@code host port}, so nothing ever goes to the standard port of another machine.
 */
public final class TftpClients {

    private TftpClients() {
    }

    /** curl without URL normalisation ({@code --path-as-is}), so escape attempts reach the server as typed. */
    public static List<String> curlGet(String host, int port, String remote, Path local, String... extra) {
        List<String> command = new ArrayList<>(List.of(Tools.path("curl"), "-sS", "--path-as-is", "-o",
                local.toString()));
        command.addAll(List.of(extra));
        command.add("tftp://" + host + ":" + port + "/" + remote);
        return command;
    }

    /** tftp-hpa: {@code mode} is octet or netascii; {@code verb} get or put. */
    public static List<String> tftpHpa(String host, int port, String mode, String verb, String first, String second) {
        return List.of(Tools.path("tftp"), "-m", mode, host, Integer.toString(port), "-c", verb, first, second);
    }

    /** atftp download; {@code options} are atftp's {@code --option} values such as {@code "blksize 1428"}. */
    public static List<String> atftpGet(String host, int port, String remote, Path local, String... options) {
        return atftp("-g", host, port, remote, local, options);
    }

    public static List<String> atftpPut(String host, int port, Path local, String remote, String... options) {
        return atftp("-p", host, port, remote, local, options);
    }

    private static List<String> atftp(String verb, String host, int port, String remote, Path local,
                                      String... options) {
        List<String> command = new ArrayList<>(List.of(Tools.path("atftp"), verb, "-r", remote, "-l",
                local.toString()));
        for (String option : options) {
            command.add("--option");
            command.add(option);
        }
        command.add(host);
        command.add(Integer.toString(port));
        return command;
    }
}
