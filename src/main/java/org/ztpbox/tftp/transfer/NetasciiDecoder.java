package org.ztpbox.tftp.transfer;

import java.io.ByteArrayOutputStream;

/**
 * Netascii mode on the receiving side: CR LF becomes LF and CR NUL becomes CR (RFC 764). A CR at
 * the end of one block pairs with the first byte of the next, so the decoder keeps that one byte.
 */
final class NetasciiDecoder {

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private boolean pendingCr;

    byte[] decode(byte[] block) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(block.length + 1);
        for (byte b : block) {
            if (pendingCr) {
                pendingCr = false;
                if (b == LF) {
                    out.write(LF);
                    continue;
                }
                out.write(CR);
                if (b == 0) {
                    continue;
                }
            }
            if (b == CR) {
                pendingCr = true;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    /** What is left at the end of the transfer: a lone CR, kept as sent. */
    byte[] finish() {
        byte[] rest = pendingCr ? new byte[] {CR} : new byte[0];
        pendingCr = false;
        return rest;
    }
}
