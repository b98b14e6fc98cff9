package org.ztpbox.config;

/** HTTP listener settings. */
public record HttpConfig(int port) {
}
