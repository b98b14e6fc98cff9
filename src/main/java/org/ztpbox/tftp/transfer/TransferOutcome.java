package org.ztpbox.tftp.transfer;

/**
 * How one transfer ended, for its event and the counters.
 *
 * @param bytes       file bytes delivered (acknowledged) or stored
 * @param retransmits packets sent again after a timeout
 * @param detail      a short human explanation, empty when completed
 */
public record TransferOutcome(TransferResult result, long bytes, int retransmits, String detail) {
}
