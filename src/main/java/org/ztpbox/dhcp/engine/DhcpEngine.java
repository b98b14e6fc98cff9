package org.ztpbox.dhcp.engine;

import java.util.Map;
import org.ztpbox.config.DhcpConfig;
import org.ztpbox.config.DhcpMode;
import org.ztpbox.core.BootDirectives;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.dhcp.DhcpMessage;
import org.ztpbox.dhcp.DhcpMessageType;
import org.ztpbox.dhcp.InboundDhcp;
import org.ztpbox.dhcp.pool.LeaseTable;

/**
 * The DHCP server's decisions: classifies the client, applies the mode, and hands the message to
 * the handler of its type. Pure with respect to I/O: it returns what to send and what to persist.
 * Not thread-safe; the server calls it from one event loop.
 */
public final class DhcpEngine {

    private final DhcpMode mode;
    private final ClientClassifier classifier;
    private final LeaseTable table;
    private final Map<DhcpMessageType, MessageHandler> handlers;

    public DhcpEngine(DhcpConfig config, Ipv4Address serverId, BootDirectives boot, LeaseTable table) {
        this.mode = config.mode();
        this.classifier = new ClientClassifier(config.classes());
        this.table = table;
        EngineContext ctx = new EngineContext(config, serverId, table, new ReplyFactory(config, serverId, boot));
        this.handlers = Map.of(
                DhcpMessageType.DISCOVER, new DiscoverHandler(ctx),
                DhcpMessageType.REQUEST, new RequestHandler(ctx),
                DhcpMessageType.DECLINE, new DeclineHandler(ctx),
                DhcpMessageType.RELEASE, new ReleaseHandler(ctx),
                DhcpMessageType.INFORM, new InformHandler(ctx));
    }

    public LeaseTable table() {
        return table;
    }

    public DhcpOutcome handle(InboundDhcp in) {
        DhcpMessage message = in.message();
        Classification classification = classifier.classify(message);
        if (message.op() != DhcpMessage.BOOTREQUEST) {
            return DhcpOutcome.silent("not a request (op " + message.op() + ")", classification);
        }
        DhcpMessageType type = message.type();
        MessageHandler handler = type == null ? null : handlers.get(type);
        if (handler == null) {
            return DhcpOutcome.silent("message type " + type + " is not served", classification);
        }
        if (mode == DhcpMode.WATCH) {
            return DhcpOutcome.silent("watch mode", classification);
        }
        if (mode == DhcpMode.PHONES_ONLY && !classification.isPhone()) {
            return DhcpOutcome.silent("phones-only: not a phone", classification);
        }
        return handler.handle(in, classification);
    }
}
