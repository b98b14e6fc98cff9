package org.ztpbox.tftp.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ztpbox.tftp.transfer.Transfers.SECOND;
import static org.ztpbox.tftp.transfer.Transfers.blocks;
import static org.ztpbox.tftp.transfer.Transfers.content;
import static org.ztpbox.tftp.transfer.Transfers.onlyData;
import static org.ztpbox.tftp.transfer.Transfers.options;
import static org.ztpbox.tftp.transfer.Transfers.read;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.ByteArrayChannel;
import org.ztpbox.tftp.TftpAck;
import org.ztpbox.tftp.TftpData;
import org.ztpbox.tftp.TftpError;
import org.ztpbox.tftp.TftpErrorCode;
import org.ztpbox.tftp.TftpOptionAck;

/** The sending state machine, scripted packet by packet with explicit time. */
class ReadTransferTest {

    @Test
    void lockStepSendsOneBlockPerAckAndCompletesOnTheAckOfTheShortBlock() {
        byte[] content = content(1300);
        ReadTransfer t = read(content, options(512, 1));

        TftpData first = onlyData(t.start(0));
        TftpData second = onlyData(t.onPacket(new TftpAck(1), 1));
        TftpData third = onlyData(t.onPacket(new TftpAck(2), 2));
        Step end = t.onPacket(new TftpAck(3), 3);

        assertThat(first.block()).isEqualTo(1);
        assertThat(second.block()).isEqualTo(2);
        assertThat(third.block()).isEqualTo(3);
        assertThat(third.length()).isEqualTo(1300 - 1024);
        assertThat(end.send()).isEmpty();
        assertThat(end.outcome()).isEqualTo(new TransferOutcome(TransferResult.COMPLETED, 1300, 0, ""));
    }

    @Test
    void aFileOfWholeBlocksEndsWithAnEmptyBlockAndAnEmptyFileIsOneEmptyBlock() {
        ReadTransfer whole = read(content(1024), options(512, 1));
        whole.start(0);
        whole.onPacket(new TftpAck(1), 0);
        TftpData last = onlyData(whole.onPacket(new TftpAck(2), 0));
        ReadTransfer empty = read(new byte[0], options(512, 1));
        TftpData only = onlyData(empty.start(0));

        assertThat(last.block()).isEqualTo(3);
        assertThat(last.length()).isZero();
        assertThat(whole.onPacket(new TftpAck(3), 0).outcome().bytes()).isEqualTo(1024);
        assertThat(only.block()).isEqualTo(1);
        assertThat(only.length()).isZero();
        assertThat(empty.onPacket(new TftpAck(1), 0).outcome().result()).isEqualTo(TransferResult.COMPLETED);
    }

    @Test
    void aDuplicateAckSendsNothingSoNoSorcerersApprentice() {
        ReadTransfer t = read(content(4000), options(512, 1));
        t.start(0);
        t.onPacket(new TftpAck(1), 1);

        Step duplicate = t.onPacket(new TftpAck(1), 2);
        Step stray = t.onPacket(new TftpAck(7), 3);
        Step progress = t.onPacket(new TftpAck(2), 4);

        assertThat(duplicate.send()).as("a duplicate ACK of block 1").isEmpty();
        assertThat(stray.send()).as("an ACK of a block never sent").isEmpty();
        assertThat(blocks(progress)).containsExactly(3);
    }

    @Test
    void theTimerRetransmitsTheUnacknowledgedBlockABoundedNumberOfTimesBackingOff() {
        ReadTransfer t = read(content(4000), options(512, 1)); // 1 s timeout, 3 retries
        t.start(0);
        t.onPacket(new TftpAck(1), 0);

        assertThat(t.onTimeout(SECOND - 1).send()).as("before the deadline").isEmpty();
        assertThat(blocks(t.onTimeout(SECOND))).containsExactly(2);
        assertThat(t.deadlineNanos()).as("then 2 s").isEqualTo(3 * SECOND);
        assertThat(blocks(t.onTimeout(3 * SECOND))).containsExactly(2);
        assertThat(t.deadlineNanos()).as("then 4 s").isEqualTo(7 * SECOND);
        assertThat(blocks(t.onTimeout(7 * SECOND))).containsExactly(2);
        Step giveUp = t.onTimeout(t.deadlineNanos());

        assertThat(giveUp.outcome().result()).isEqualTo(TransferResult.TIMED_OUT);
        assertThat(giveUp.outcome().retransmits()).isEqualTo(3);
        assertThat(giveUp.outcome().bytes()).isEqualTo(512);
        assertThat(giveUp.send()).singleElement().isInstanceOfSatisfying(TftpError.class,
                e -> assertThat(e.code()).isEqualTo(TftpErrorCode.NOT_DEFINED));
        assertThat(t.deadlineNanos()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void backoffStopsAtFiveSecondsUnlessTheTimeoutIsLonger() {
        assertThat(Backoff.delay(SECOND, 0)).isEqualTo(SECOND);
        assertThat(Backoff.delay(SECOND, 2)).isEqualTo(4 * SECOND);
        assertThat(Backoff.delay(SECOND, 3)).isEqualTo(5 * SECOND);
        assertThat(Backoff.delay(SECOND, 40)).isEqualTo(5 * SECOND);
        assertThat(Backoff.delay(SECOND / 10, 4)).isEqualTo(16 * SECOND / 10);
        assertThat(Backoff.delay(9 * SECOND, 3)).isEqualTo(9 * SECOND);
    }

    @Test
    void progressResetsTheRetryBudgetAndTheBackoff() {
        ReadTransfer t = read(content(4000), options(512, 1));
        t.start(0);
        t.onTimeout(t.deadlineNanos());
        t.onTimeout(t.deadlineNanos());
        t.onTimeout(t.deadlineNanos());
        long now = t.deadlineNanos() - 1;
        t.onPacket(new TftpAck(1), now);

        assertThat(t.deadlineNanos()).isEqualTo(now + SECOND);
        assertThat(blocks(t.onTimeout(now + SECOND))).containsExactly(2);
        assertThat(blocks(t.onTimeout(t.deadlineNanos()))).containsExactly(2);
    }

    @Test
    void aMissingFinalAckIsReportedAsUnconfirmedNotAsAFailedDownload() {
        ReadTransfer t = read(content(100), options(512, 1));
        t.start(0);
        for (int i = 1; i <= 3; i++) {
            t.onTimeout(t.deadlineNanos());
        }

        Step end = t.onTimeout(t.deadlineNanos());

        assertThat(end.outcome().result()).isEqualTo(TransferResult.UNCONFIRMED);
    }

    @Test
    void withOptionsTheOackComesFirstAndDataOnlyAfterAck0() {
        NegotiatedOptions options = new NegotiatedOptions(1024, 1, Duration.ofSeconds(2), Map.of("blksize", "1024"));
        ReadTransfer t = read(content(3000), options);

        Step oack = t.start(0);
        Step early = t.onPacket(new TftpAck(1), 1);
        Step resent = t.onTimeout(2 * SECOND);
        Step data = t.onPacket(new TftpAck(0), 2 * SECOND + 1);

        assertThat(oack.send()).containsExactly(new TftpOptionAck(Map.of("blksize", "1024")));
        assertThat(early.send()).isEmpty();
        assertThat(resent.send()).as("the negotiated 2 s timeout").containsExactly(oack.send().get(0));
        assertThat(onlyData(data).length()).isEqualTo(1024);
    }

    @Test
    void aWindowSendsWindowsizeBlocksAndTheNextWindowAfterItsLastAck() {
        ReadTransfer t = read(content(10 * 512 + 10), options(512, 4));

        assertThat(blocks(t.start(0))).containsExactly(1, 2, 3, 4);
        assertThat(blocks(t.onPacket(new TftpAck(4), 1))).containsExactly(5, 6, 7, 8);
        assertThat(blocks(t.onPacket(new TftpAck(8), 2))).containsExactly(9, 10, 11);
        assertThat(t.onPacket(new TftpAck(11), 3).outcome().bytes()).isEqualTo(10 * 512 + 10);
    }

    @Test
    void anAckInsideTheWindowRestartsTheWindowAfterItOnceOnly() {
        ReadTransfer t = read(content(20 * 512), options(512, 4));
        t.start(0);

        Step restart = t.onPacket(new TftpAck(2), 1); // RFC 7440: the client missed block 3
        Step duplicate = t.onPacket(new TftpAck(2), 2);
        Step timeout = t.onTimeout(t.deadlineNanos());

        assertThat(blocks(restart)).containsExactly(3, 4, 5, 6);
        assertThat(duplicate.send()).isEmpty();
        assertThat(blocks(timeout)).as("the whole window again").containsExactly(3, 4, 5, 6);
    }

    @Test
    void blockNumbersWrapFrom65535ToZeroAndTheTransferCompletes() {
        int blocks = 65_537 + 3;
        byte[] content = content(blocks * 8 - 5);
        ReadTransfer t = read(content, options(8, 1));
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        StringBuilder aroundWrap = new StringBuilder();

        Step step = t.start(0);
        while (!step.finished()) {
            TftpData data = onlyData(step);
            received.writeBytes(data.data());
            if (received.size() > 65_533 * 8 && received.size() <= 65_538 * 8) {
                aroundWrap.append(data.block()).append(' ');
            }
            step = t.onPacket(new TftpAck(data.block()), 0);
        }

        assertThat(aroundWrap.toString().trim()).isEqualTo("65534 65535 0 1 2");
        assertThat(received.toByteArray()).isEqualTo(content);
        assertThat(step.outcome().bytes()).isEqualTo(content.length);
    }

    @Test
    void aWindowAcrossTheWrapIsAcknowledgedByItsWireNumbers() {
        ReadTransfer t = read(content(65_600 * 16), options(16, 8));
        Step step = t.start(0);
        for (int window = 0; window < 8191; window++) { // up to block 65528
            step = t.onPacket(new TftpAck(blocks(step).get(7)), 0);
        }

        assertThat(blocks(step)).containsExactly(65529, 65530, 65531, 65532, 65533, 65534, 65535, 0);
        assertThat(blocks(t.onPacket(new TftpAck(65535), 0))).as("ACK inside the window, before the wrap")
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(blocks(t.onPacket(new TftpAck(3), 0))).containsExactly(4, 5, 6, 7, 8, 9, 10, 11);
    }

    @Test
    void aClientErrorEndsTheTransferSilentlyAndAnUnexpectedOpcodeIsAnsweredWithError4() {
        ReadTransfer aborted = read(content(2000), options(512, 1));
        aborted.start(0);
        ReadTransfer confused = read(content(2000), options(512, 1));
        confused.start(0);

        Step abort = aborted.onPacket(TftpError.of(TftpErrorCode.OPTION_REFUSED, "no thanks"), 1);
        Step illegal = confused.onPacket(new TftpData(1, new byte[3]), 1);

        assertThat(abort.send()).isEmpty();
        assertThat(abort.outcome().result()).isEqualTo(TransferResult.CLIENT_ABORTED);
        assertThat(illegal.outcome().result()).isEqualTo(TransferResult.FAILED);
        assertThat(illegal.send()).singleElement().extracting(p -> ((TftpError) p).code())
                .isEqualTo(TftpErrorCode.ILLEGAL_OPERATION);
    }

    @Test
    void contentThatShrinksUnderTheTransferEndsItWithAnError() {
        ReadTransfer t = new ReadTransfer(new ChannelBlockSource(new ByteArrayChannel(content(600)), 2000),
                options(512, 1), 3);
        t.start(0);

        Step step = t.onPacket(new TftpAck(1), 1);

        assertThat(step.outcome().result()).isEqualTo(TransferResult.FAILED);
        assertThat(step.outcome().detail()).contains("shrank");
        assertThat(step.send()).singleElement().isInstanceOf(TftpError.class);
    }

    @Test
    void windowsLargerThanTheReadAheadChunkCarryTheFileAcrossRefills() {
        byte[] content = content(200_000); // a window of 64 x 1468 bytes is larger than the 64 KiB chunk
        ReadTransfer t = read(content, options(1468, 64));
        ByteArrayOutputStream received = new ByteArrayOutputStream();

        Step step = t.start(0);
        while (!step.finished()) {
            // As the server does: each packet is sent before the transfer is called again.
            step.send().forEach(p -> received.writeBytes(((TftpData) p).data()));
            step = t.onPacket(new TftpAck(((TftpData) step.send().get(step.send().size() - 1)).block()), 0);
        }

        assertThat(received.toByteArray()).isEqualTo(content);
    }

    @Test
    void lockStepBlocksAreViewsOfOneDirectBufferRefilledInPlace() {
        byte[] content = content(300_000); // several 64 KiB refills at one block per step
        ReadTransfer t = read(content, options(512, 1));
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        TftpData first = onlyData(t.start(0));
        byte[] firstBytes = first.data();
        received.writeBytes(firstBytes);

        Step step = t.onPacket(new TftpAck(1), 0);
        while (!step.finished()) {
            TftpData data = onlyData(step);
            received.writeBytes(data.data());
            step = t.onPacket(new TftpAck(data.block()), 0);
        }

        assertThat(received.toByteArray()).isEqualTo(content);
        assertThat(first.payload().isDirect()).as("off the heap: the kernel reads the file straight into it").isTrue();
        assertThat(first.data()).as("the first block's memory now holds a later part of the file")
                .isNotEqualTo(firstBytes);
    }

    @Test
    void closingReleasesTheContent() {
        ByteArrayChannel channel = new ByteArrayChannel(content(10));
        ReadTransfer t = new ReadTransfer(new ChannelBlockSource(channel, 10), options(512, 1), 3);

        t.close();

        assertThat(channel.isOpen()).isFalse();
    }
}
