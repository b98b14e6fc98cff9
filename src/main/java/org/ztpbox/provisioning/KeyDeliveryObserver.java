package org.ztpbox.provisioning;

import org.ztpbox.core.EventSink;
import org.ztpbox.core.PhoneEvent;

/**
 * Passes every event on, and tells {@link KeyDeliveryService} when a key file was fetched to the
 * end: a TFTP read that {@code completed} (every block acknowledged), or an HTTP(S) GET answered
 * 200 whose body was handed to the connection whole. A range (206), a HEAD, an abandoned transfer
 * or one whose last ACK never came proves nothing, and the phone is then not taken to hold the key:
 * the key file stays due and is offered again. Nor does a fetch by anyone but the phone the key
 * file is for: the event's MAC (who the server took the client to be) must be the one in the name.
 */
public final class KeyDeliveryObserver implements EventSink {

    private final EventSink next;
    private final KeyDeliveryService delivery;

    public KeyDeliveryObserver(EventSink next, KeyDeliveryService delivery) {
        this.next = next;
        this.delivery = delivery;
    }

    @Override
    public void record(PhoneEvent event) {
        observe(event);
        next.record(event);
    }

    private void observe(PhoneEvent event) {
        String name;
        String bytes = event.detail("bytes");
        // Source, type and detail names as tftp.server.TftpEvents and http.HttpEvents write them.
        if ("tftp".equals(event.source()) && "RRQ".equals(event.type())
                && "completed".equals(event.detail("result"))) {
            name = event.detail("file");
        } else if ("http".equals(event.source()) && "GET".equals(event.type())
                && "200".equals(event.detail("status"))) {
            name = withoutQuery(event.detail("path"));
        } else {
            return;
        }
        if (name == null || bytes == null || !name.contains("-key-")) {
            return;
        }
        try {
            delivery.fetched(event.mac(), name, Long.parseLong(bytes));
        } catch (NumberFormatException e) {
            // not a transfer count: nothing was proven delivered
        }
    }

    private static String withoutQuery(String path) {
        if (path == null) {
            return null;
        }
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }
}
