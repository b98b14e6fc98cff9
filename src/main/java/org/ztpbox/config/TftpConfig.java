package org.ztpbox.config;

/** TFTP listener settings. */
public record TftpConfig(int port) {
}
