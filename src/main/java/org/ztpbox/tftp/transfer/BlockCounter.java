package org.ztpbox.tftp.transfer;

/**
 * Block numbers past 65535: the wire carries 16 bits (RFC 1350), the transfer counts in a long.
 * After block 65535 comes block 0 on the wire, as tftpd-hpa, curl and atftp all expect.
 */
final class BlockCounter {

    private BlockCounter() {
    }

    static int wire(long block) {
        return (int) (block & 0xFFFF);
    }

    /**
     * How far {@code wire} lies ahead of {@code reference}, in blocks (0-65535): the wire number
     * names the block {@code reference + distance}. Windows are far smaller than 32768 blocks, so a
     * number inside the window is never mistaken for one a whole wrap away.
     */
    static int distance(long reference, int wire) {
        return (wire - wire(reference)) & 0xFFFF;
    }
}
