package org.ztpbox.diagnose;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ztpbox.core.DhcpProbeReply;
import org.ztpbox.core.ProbePersona;

/**
 * Predicts which provisioning address a phone will use from what every DHCP server answered the
 * probe's phone persona, following the phone's rules (polycom-provisioning.md §1.3, §1.4):
 * <ol>
 *   <li>it takes the first OFFER it receives: with several servers which one wins is a race;</li>
 *   <li>from that server's lease it reads option 160 before 66 (or only 66, by its setting);</li>
 *   <li>when the lease carries neither, it sends DHCPINFORM and uses the boot server of an answer
 *       (several answers: again a race); a factory-reset phone has no server in flash to fall back
 *       on, so INFORM is what decides;</li>
 *   <li>with nothing at all it boots on the settings already stored in it.</li>
 * </ol>
 * The model assumes the ACK carries the options of the OFFER, which servers do unless configured
 * oddly, and a phone whose device settings are not pinned to a static server.
 */
public final class PrecedenceModel {

    static final String OFFER = "OFFER";
    static final String ACK = "ACK";

    private final OwnServer own;

    public PrecedenceModel(OwnServer own) {
        this.own = own;
    }

    /** @param phone who the prediction is for, e.g. "a factory-reset VVX-VVX_410 on UC 5.9.5" */
    public BootPrediction predict(String phone, BootServerSetting setting, List<DhcpServerView> servers) {
        List<DhcpServerView> lessors = servers.stream()
                .filter(s -> isOffer(s.answer(ProbePersona.PHONE, "DISCOVER"))).toList();
        List<BootPrediction.Outcome> outcomes = new ArrayList<>();
        for (DhcpServerView lessor : lessors) {
            DhcpProbeReply offer = lessor.answer(ProbePersona.PHONE, "DISCOVER");
            BootServerSetting.Choice choice = setting.choose(offer);
            if (choice != null) {
                outcomes.add(outcome(lessor, choice, whyFromLease(lessor, offer, choice)));
            } else {
                outcomes.addAll(afterInform(lessor, offer, setting, servers));
            }
        }
        Set<String> addresses = new LinkedHashSet<>();
        outcomes.forEach(o -> addresses.add(Objects.toString(o.address(), "")));
        boolean race = addresses.size() > 1;
        List<String> caveats = List.of("boot server setting assumed: " + setting.description(),
                "a phone whose device settings pin a static boot server (device.dhcp.bootSrvUseOpt=\"Static\","
                        + " written by an earlier provisioner) ignores DHCP until its device settings are reset");
        return new BootPrediction(phone, setting, race, outcomes, summary(lessors, outcomes, race), caveats);
    }

    private static boolean isOffer(DhcpProbeReply reply) {
        return reply != null && reply.type().equals(OFFER);
    }

    private BootPrediction.Outcome outcome(DhcpServerView lessor, BootServerSetting.Choice choice, String why) {
        AddressMatch match = AddressMatch.of(choice.value(), own);
        return new BootPrediction.Outcome(name(lessor), match.address().toString(), match.verdict(), why);
    }

    private String whyFromLease(DhcpServerView lessor, DhcpProbeReply offer, BootServerSetting.Choice choice) {
        String why = "option " + choice.option() + " from " + name(lessor) + "'s lease";
        if (choice.option() == 160 && present(offer.option66()) && !offer.option66().equals(offer.option160())) {
            return why + " (option 160 is read before option 66; its option 66 = " + Secrets.mask(offer.option66())
                    + " is not used)";
        }
        if (choice.option() == 66 && present(offer.option160())) {
            return why + " (this phone reads option 66 only; option 160 = " + Secrets.mask(offer.option160())
                    + " is ignored)";
        }
        return choice.option() == 66 ? why + " (it has no option 160)" : why;
    }

    private List<BootPrediction.Outcome> afterInform(DhcpServerView lessor, DhcpProbeReply offer,
                                                     BootServerSetting setting, List<DhcpServerView> servers) {
        String lacking = present(offer.option160()) ? name(lessor) + "'s lease has only option 160, which this phone"
                + " does not read" : name(lessor) + "'s lease carries neither option 66 nor 160";
        List<BootPrediction.Outcome> out = new ArrayList<>();
        List<DhcpServerView> informers = servers.stream()
                .filter(s -> setting.choose(ack(s)) != null).toList();
        for (DhcpServerView informer : informers) {
            BootServerSetting.Choice choice = setting.choose(ack(informer));
            String race = informers.size() > 1 ? "; the first answer wins, a race between "
                    + informers.size() + " servers" : "";
            out.add(outcome(lessor, choice, lacking + ", so the phone sends DHCPINFORM and "
                    + name(informer) + " answers with option " + choice.option() + race));
        }
        if (out.isEmpty()) {
            out.add(new BootPrediction.Outcome(name(lessor), null, null, lacking + " and nobody answers the"
                    + " DHCPINFORM: the phone uses the boot server stored in its flash, if any (none after a factory"
                    + " reset), else boots on the settings already stored in it"));
        }
        return out;
    }

    private static DhcpProbeReply ack(DhcpServerView server) {
        DhcpProbeReply reply = server.answer(ProbePersona.PHONE, "INFORM");
        return reply != null && reply.type().equals(ACK) ? reply : null;
    }

    private String summary(List<DhcpServerView> lessors, List<BootPrediction.Outcome> outcomes, boolean race) {
        if (outcomes.isEmpty()) {
            return "no DHCP server offered the phone a lease: it gets no address from DHCP";
        }
        if (!race) {
            BootPrediction.Outcome o = outcomes.get(0);
            String whichever = lessors.size() > 1 ? "whichever offer it takes, " : "";
            if (o.address() == null) {
                return whichever + "the phone gets no provisioning address from DHCP: " + o.why();
            }
            return whichever + "the phone uses " + o.address() + (o.verdict() == AddressMatch.Verdict.ZTPBOX
                    ? " (ztpbox)" : " (not ztpbox)") + ": " + o.why();
        }
        StringBuilder sb = new StringBuilder("a race: the phone takes the first offer it receives, and the outcome"
                + " depends on it");
        for (BootPrediction.Outcome o : outcomes) {
            sb.append("; with ").append(o.leaseFrom()).append("'s lease it uses ")
                    .append(o.address() == null ? "no provisioning server" : o.address()
                            + (o.verdict() == AddressMatch.Verdict.ZTPBOX ? " (ztpbox)" : " (not ztpbox)"))
                    .append(" [").append(o.why()).append(']');
        }
        return sb.toString();
    }

    private String name(DhcpServerView server) {
        return server.role() == DhcpServerView.Role.SELF ? "ztpbox (" + server.server() + ")" : server.server().toString();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
