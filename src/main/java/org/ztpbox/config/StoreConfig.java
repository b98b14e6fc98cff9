package org.ztpbox.config;

import java.time.Duration;

/** @param eventRetention events older than this are pruned */
public record StoreConfig(Duration eventRetention) {
}
