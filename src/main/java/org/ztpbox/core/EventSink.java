package org.ztpbox.core;

/** Where the protocol front ends report what happened. Must not block the caller. */
public interface EventSink {

    void record(PhoneEvent event);
}
