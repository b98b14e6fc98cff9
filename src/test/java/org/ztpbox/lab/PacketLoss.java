package org.ztpbox.lab;

import java.time.Duration;

/**
 * Random loss on a lab link, in both directions. The tool of choice is netem on each end's
 * egress ({@code tc qdisc add dev X root netem loss N%}). A kernel built without netem (checked,
 * not assumed) gets the same loss from nftables on each end's ingress instead: an output-hook drop
 * would make the sender's {@code sendto()} fail with EPERM, which no real loss does. Rules and
 * qdiscs live and die with the lab's namespaces.
 */
public final class PacketLoss {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private PacketLoss() {
    }

    /** One end of a link: a namespace and its interface on the link. */
    public record End(String namespace, String iface) {
    }

    /** Drops {@code percent} of the packets each way between {@code a} and {@code b}; returns how. */
    public static String bothWays(NetnsLab lab, End a, End b, int percent) {
        CommandResult netem = netem(lab, a, percent);
        if (netem.succeeded()) {
            netem(lab, b, percent).requireSuccess();
            return "netem";
        }
        if (Tools.find("nft").isEmpty()) {
            throw new IllegalStateException("netem refused (" + netem.stderr().strip() + ") and nft is missing"
                    + " (Debian: apt-get install nftables)");
        }
        dropIncoming(lab, a, percent);
        dropIncoming(lab, b, percent);
        return "nftables (this kernel has no netem)";
    }

    private static CommandResult netem(NetnsLab lab, End end, int percent) {
        return lab.exec(end.namespace(), TIMEOUT, Tools.path("tc"), "qdisc", "add", "dev", end.iface(), "root",
                "netem", "loss", percent + "%");
    }

    private static void dropIncoming(NetnsLab lab, End end, int percent) {
        String nft = Tools.path("nft");
        lab.exec(end.namespace(), TIMEOUT, nft, "add", "table", "inet", "ztploss").requireSuccess();
        lab.exec(end.namespace(), TIMEOUT, nft, "add", "chain", "inet", "ztploss", "in",
                "{ type filter hook input priority 0; }").requireSuccess();
        lab.exec(end.namespace(), TIMEOUT, nft, "add", "rule", "inet", "ztploss", "in", "iifname", end.iface(),
                "meta", "l4proto", "udp", "numgen", "random", "mod", "100", "<", Integer.toString(percent), "drop")
                .requireSuccess();
    }
}
