package org.ztpbox.tftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.ztpbox.tftp.server.TransferAdmission.Decision;

/** The concurrency caps and the round-robin hand-over of freed slots. */
class TransferAdmissionTest {

    private static InetAddress phone(int n) {
        try {
            return InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) n});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void startsUnderBothCapsAndQueuesBeyondThemUpToTheWaitingLimit() {
        TransferAdmission<String> admission = new TransferAdmission<>(3, 2, 2);

        assertThat(admission.offer(phone(1), "1a")).isEqualTo(Decision.STARTED);
        assertThat(admission.offer(phone(1), "1b")).isEqualTo(Decision.STARTED);
        assertThat(admission.offer(phone(1), "1c")).as("per-client cap").isEqualTo(Decision.WAITING);
        assertThat(admission.offer(phone(2), "2a")).as("room left overall").isEqualTo(Decision.STARTED);
        assertThat(admission.offer(phone(3), "3a")).as("total cap").isEqualTo(Decision.WAITING);
        assertThat(admission.offer(phone(4), "4a")).as("waiting limit").isEqualTo(Decision.REFUSED);
        assertThat(admission.active()).isEqualTo(3);
        assertThat(admission.waiting()).isEqualTo(2);
    }

    @Test
    void aFreedSlotGoesToTheNextClientInTurnNotToTheOneWithMostRequests() {
        TransferAdmission<String> admission = new TransferAdmission<>(1, 1, 10);
        admission.offer(phone(9), "running");
        admission.offer(phone(1), "1a");
        admission.offer(phone(1), "1b");
        admission.offer(phone(1), "1c");
        admission.offer(phone(2), "2a");
        admission.offer(phone(3), "3a");

        StringBuilder order = new StringBuilder();
        InetAddress finishing = phone(9);
        for (int i = 0; i < 5; i++) {
            String next = admission.release(finishing).get(0);
            order.append(next).append(' ');
            finishing = phone(next.charAt(0) - '0');
        }

        assertThat(order.toString().trim()).isEqualTo("1a 2a 3a 1b 1c");
        assertThat(admission.release(finishing)).isEmpty();
        assertThat(admission.active()).isZero();
    }

    @Test
    void aSlotFreedByOneClientStartsAWaiterOfAnotherOnlyWithinItsOwnCap() {
        TransferAdmission<String> admission = new TransferAdmission<>(10, 1, 10);
        admission.offer(phone(1), "1a");
        admission.offer(phone(1), "1b");
        admission.offer(phone(2), "2a");

        assertThat(admission.release(phone(2))).isEmpty();
        assertThat(admission.release(phone(1))).containsExactly("1b");
    }

    @Test
    void aWithdrawnWaiterNeverStarts() {
        TransferAdmission<String> admission = new TransferAdmission<>(1, 1, 10);
        admission.offer(phone(1), "1a");
        admission.offer(phone(2), "2a");

        assertThat(admission.withdraw(phone(2), "2a")).isTrue();
        assertThat(admission.withdraw(phone(2), "2a")).isFalse();
        assertThat(admission.release(phone(1))).isEmpty();
        assertThat(admission.waiting()).isZero();
    }
}
