package org.ztpbox.provisioning;

import java.util.Optional;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.core.UploadName;

/**
 * A file fetched or uploaded, read back from the event a file server recorded: HTTP events carry
 * {@code path} and {@code status}, TFTP events {@code file} and {@code result}.
 *
 * @param name   the last component of the requested path, without any query
 * @param upload true for PUT and WRQ
 * @param ok     true when the file went through (200/206/304, 201/204; a completed transfer)
 */
public record FileAccess(PhoneEvent event, String name, boolean upload, boolean ok) {

    /** The file access an event records, or empty for events of other kinds (DHCP, HEAD...). */
    public static Optional<FileAccess> of(PhoneEvent e) {
        if (e.source().equals("http") && e.detail("path") != null) {
            boolean upload = e.type().equals("PUT");
            if (!upload && !e.type().equals("GET")) {
                return Optional.empty();
            }
            String status = String.valueOf(e.detail("status"));
            boolean ok = upload ? status.equals("201") || status.equals("204")
                    : status.equals("200") || status.equals("206") || status.equals("304");
            return Optional.of(new FileAccess(e, lastComponent(e.detail("path")), upload, ok));
        }
        if (e.source().equals("tftp") && e.detail("file") != null) {
            boolean upload = e.type().equals("WRQ");
            String result = String.valueOf(e.detail("result"));
            boolean ok = result.equals("completed") || (!upload && result.equals("unconfirmed"));
            return Optional.of(new FileAccess(e, lastComponent(e.detail("file")), upload, ok));
        }
        return Optional.empty();
    }

    /** The uploaded file's name when this is one the phones upload. */
    public Optional<UploadName> uploadName() {
        return UploadName.parse(name);
    }

    public boolean isOverride() {
        return uploadName().map(UploadName::isOverride).orElse(false);
    }

    /** A configuration file ztpbox serves: a {@code .cfg} that is not one of the phone's uploads. */
    public boolean isServedConfig() {
        return name.endsWith(".cfg") && uploadName().isEmpty();
    }

    /** The master configuration: {@code 000000000000.cfg} or {@code <mac>.cfg}. */
    public boolean isMasterConfig() {
        return name.matches("[0-9a-fA-F]{12}\\.cfg");
    }

    private static String lastComponent(String path) {
        int query = path.indexOf('?');
        String p = query < 0 ? path : path.substring(0, query);
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
