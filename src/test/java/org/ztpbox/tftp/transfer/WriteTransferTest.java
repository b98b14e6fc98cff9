package org.ztpbox.tftp.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ztpbox.tftp.transfer.Transfers.SECOND;
import static org.ztpbox.tftp.transfer.Transfers.content;
import static org.ztpbox.tftp.transfer.Transfers.options;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ztpbox.tftp.TftpAck;
import org.ztpbox.tftp.TftpData;
import org.ztpbox.tftp.TftpError;
import org.ztpbox.tftp.TftpErrorCode;
import org.ztpbox.tftp.TftpOptionAck;

/** The receiving state machine: ACK rules, commit before the final ACK, the cap, dallying. */
class WriteTransferTest {

    private final MemoryUpload upload = new MemoryUpload(10_000);

    private WriteTransfer write(NegotiatedOptions options) {
        return new WriteTransfer(upload, null, options, 3);
    }

    private static TftpData data(int block, byte[] content, int blksize) {
        int from = (block - 1) * blksize;
        return new TftpData(block, Arrays.copyOfRange(content, from, Math.min(content.length, from + blksize)));
    }

    @Test
    void acknowledgesEachBlockAndTheLastOnlyAfterTheUploadIsCommitted() {
        byte[] content = content(1200);
        WriteTransfer t = write(options(512, 1));

        Step ack0 = t.start(0);
        Step ack1 = t.onPacket(data(1, content, 512), 1);
        Step ack2 = t.onPacket(data(2, content, 512), 2);
        Step last = t.onPacket(data(3, content, 512), 3);

        assertThat(ack0.send()).containsExactly(new TftpAck(0));
        assertThat(ack1.send()).containsExactly(new TftpAck(1));
        assertThat(ack2.send()).containsExactly(new TftpAck(2));
        assertThat(last.send()).as("no final ACK before the commit").isEmpty();
        assertThat(last.commit()).isSameAs(upload);
        assertThat(upload.committed()).as("nothing visible yet").isNull();

        upload.commit(); // what the server does off the event loop
        Step finalAck = t.onCommitted(null, 4);

        assertThat(finalAck.send()).containsExactly(new TftpAck(3));
        assertThat(finalAck.finished()).as("dallying for a repeated last block").isFalse();
        assertThat(t.onPacket(data(3, content, 512), 5).send()).containsExactly(new TftpAck(3));
        Step end = t.onTimeout(4 + SECOND);
        assertThat(end.outcome()).isEqualTo(new TransferOutcome(TransferResult.COMPLETED, 1200, 0, ""));
        assertThat(upload.committed()).isEqualTo(content);
    }

    @Test
    void withOptionsTheOackReplacesAck0() {
        WriteTransfer t = write(new NegotiatedOptions(1024, 1, Duration.ofSeconds(1), Map.of("blksize", "1024")));

        assertThat(t.start(0).send()).containsExactly(new TftpOptionAck(Map.of("blksize", "1024")));
        assertThat(t.onTimeout(SECOND).send()).as("the OACK again").containsExactly(
                new TftpOptionAck(Map.of("blksize", "1024")));
    }

    @Test
    void aRepeatedBlockIsAcknowledgedAgainButWrittenOnce() {
        byte[] content = content(1500);
        WriteTransfer t = write(options(512, 1));
        t.start(0);
        t.onPacket(data(1, content, 512), 1);

        Step repeat = t.onPacket(data(1, content, 512), 2);
        Step repeatAgain = t.onPacket(data(1, content, 512), 3);
        t.onPacket(data(2, content, 512), 4);
        t.onPacket(data(3, content, 512), 5);
        upload.commit();

        assertThat(repeat.send()).containsExactly(new TftpAck(1));
        assertThat(repeatAgain.send()).containsExactly(new TftpAck(1));
        assertThat(upload.committed()).isEqualTo(content);
    }

    @Test
    void aWindowIsAcknowledgedOnceAndAGapOnceWithTheLastBlockInOrder() {
        byte[] content = content(512 * 9 + 100);
        WriteTransfer t = write(options(512, 4));
        t.start(0);

        assertThat(t.onPacket(data(1, content, 512), 1).send()).isEmpty();
        assertThat(t.onPacket(data(2, content, 512), 1).send()).isEmpty();
        assertThat(t.onPacket(data(3, content, 512), 1).send()).isEmpty();
        assertThat(t.onPacket(data(4, content, 512), 1).send()).containsExactly(new TftpAck(4));
        t.onPacket(data(5, content, 512), 2);
        Step gap = t.onPacket(data(7, content, 512), 2); // block 6 lost
        Step sameGap = t.onPacket(data(8, content, 512), 2);

        assertThat(gap.send()).containsExactly(new TftpAck(5));
        assertThat(sameGap.send()).isEmpty();
        for (int block = 6; block <= 9; block++) {
            t.onPacket(data(block, content, 512), 3);
        }
        assertThat(t.onPacket(data(10, content, 512), 4).commit()).isNotNull();
        upload.commit();
        assertThat(upload.committed()).isEqualTo(content);
    }

    @Test
    void anUploadOverTheCapIsAbortedWithError3AndLeavesNothing() {
        WriteTransfer t = new WriteTransfer(new MemoryUpload(1000), null, options(512, 1), 3);
        t.start(0);
        t.onPacket(new TftpData(1, new byte[512]), 1);

        Step over = t.onPacket(new TftpData(2, new byte[512]), 2);

        assertThat(over.outcome().result()).isEqualTo(TransferResult.FAILED);
        assertThat(over.send()).singleElement().extracting(p -> ((TftpError) p).code())
                .isEqualTo(TftpErrorCode.DISK_FULL);
    }

    @Test
    void aBlockLargerThanTheBlksizeIsAnIllegalOperation() {
        WriteTransfer t = write(options(512, 1));
        t.start(0);

        Step step = t.onPacket(new TftpData(1, new byte[513]), 1);

        assertThat(step.send()).singleElement().extracting(p -> ((TftpError) p).code())
                .isEqualTo(TftpErrorCode.ILLEGAL_OPERATION);
        assertThat(upload.closed()).isTrue();
    }

    @Test
    void silenceResendsTheLastAckThenGivesUpAndDiscardsTheUpload() {
        WriteTransfer t = write(options(512, 1));
        t.start(0);
        t.onPacket(new TftpData(1, new byte[512]), 0);

        assertThat(t.onTimeout(SECOND).send()).containsExactly(new TftpAck(1));
        assertThat(t.onTimeout(t.deadlineNanos()).send()).containsExactly(new TftpAck(1));
        t.onTimeout(t.deadlineNanos());
        Step end = t.onTimeout(t.deadlineNanos());

        assertThat(end.outcome().result()).isEqualTo(TransferResult.TIMED_OUT);
        assertThat(upload.closed()).isTrue();
        assertThat(upload.committed()).isNull();
    }

    @Test
    void aFailedCommitIsReportedToTheClient() {
        WriteTransfer t = write(options(512, 1));
        t.start(0);
        t.onPacket(new TftpData(1, new byte[3]), 1);

        Step step = t.onCommitted(new IOException("disk gone"), 2);

        assertThat(step.outcome().result()).isEqualTo(TransferResult.FAILED);
        assertThat(step.send()).singleElement().isInstanceOf(TftpError.class);
    }

    @Test
    void netasciiUploadsAreStoredWithPlainLineEnds() {
        WriteTransfer t = new WriteTransfer(upload, new NetasciiDecoder(), options(8, 1), 3);
        byte[] wire = "ab\r\ncde\r\nf\r\0g".getBytes(StandardCharsets.US_ASCII); // the second CR LF spans blocks 1|2
        t.start(0);
        t.onPacket(new TftpData(1, Arrays.copyOfRange(wire, 0, 8)), 1);
        t.onPacket(new TftpData(2, Arrays.copyOfRange(wire, 8, wire.length)), 2);
        upload.commit();

        assertThat(new String(upload.committed(), StandardCharsets.US_ASCII)).isEqualTo("ab\ncde\nf\rg");
    }
}
