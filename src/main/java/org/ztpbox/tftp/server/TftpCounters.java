package org.ztpbox.tftp.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What the TFTP server has seen and done, for logs, status and tests. Thread-safe. */
public final class TftpCounters {

    final LongAdder requests = new LongAdder();
    final LongAdder malformed = new LongAdder();
    final LongAdder duplicateRequests = new LongAdder();
    final LongAdder queued = new LongAdder();
    final LongAdder busy = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder completed = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder retransmits = new LongAdder();
    final LongAdder unknownTransferIds = new LongAdder();
    final LongAdder bytesSent = new LongAdder();
    final LongAdder bytesReceived = new LongAdder();

    public long malformed() {
        return malformed.sum();
    }

    public long completed() {
        return completed.sum();
    }

    public long refused() {
        return refused.sum();
    }

    public long busy() {
        return busy.sum();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("requests", requests.sum());
        out.put("malformed", malformed.sum());
        out.put("duplicate-requests", duplicateRequests.sum());
        out.put("queued", queued.sum());
        out.put("busy", busy.sum());
        out.put("refused", refused.sum());
        out.put("completed", completed.sum());
        out.put("failed", failed.sum());
        out.put("retransmits", retransmits.sum());
        out.put("unknown-transfer-ids", unknownTransferIds.sum());
        out.put("bytes-sent", bytesSent.sum());
        out.put("bytes-received", bytesReceived.sum());
        return out;
    }
}
