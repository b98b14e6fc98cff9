package org.ztpbox.tftp.transfer;

import org.ztpbox.tftp.TftpError;

/** What became of a request: a transfer ready to start, or the ERROR that refuses it. */
public sealed interface StartResult {

    /** @param size the file's size for a read (before netascii conversion), -1 for a write */
    record Started(Transfer transfer, NegotiatedOptions options, long size) implements StartResult {
    }

    record Refused(TftpError error) implements StartResult {
    }
}
