package org.ztpbox.tftp.transfer;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.channels.SeekableByteChannel;
import java.util.Optional;
import org.ztpbox.core.CatalogEntry;
import org.ztpbox.core.FileCatalog;
import org.ztpbox.core.FileRequest;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.SafePaths;
import org.ztpbox.core.Transport;
import org.ztpbox.core.UploadArea;
import org.ztpbox.core.UploadName;
import org.ztpbox.tftp.TftpError;
import org.ztpbox.tftp.TftpErrorCode;
import org.ztpbox.tftp.TftpMode;
import org.ztpbox.tftp.TftpRequest;

/**
 * Decides whether a request is served and prepares its transfer: the name's form (through
 * {@link SafePaths}), the catalog for reads, the upload rules for writes, then the options.
 * Every refusal carries the ERROR that tells the client why. Blocking (catalog lookups, opening
 * files, creating the upload's temporary file): call it off the event loop.
 */
public final class TransferStarter {

    private final FileCatalog catalog;
    private final UploadArea uploads;
    private final TransferLimits limits;
    private final OptionNegotiation negotiation;

    public TransferStarter(FileCatalog catalog, UploadArea uploads, TransferLimits limits) {
        this.catalog = catalog;
        this.uploads = uploads;
        this.limits = limits;
        this.negotiation = new OptionNegotiation(limits);
    }

    /** @param phone the requesting phone's MAC when known, else null */
    public StartResult start(TftpRequest request, InetAddress client, MacAddress phone) {
        SafePaths.Refusal refusal = SafePaths.check(request.filename());
        if (refusal != null) {
            return refused(TftpErrorCode.ACCESS_VIOLATION, refusal.reason());
        }
        try {
            return request.write() ? startWrite(request, phone) : startRead(request, client, phone);
        } catch (TransferRefusedException e) {
            return new StartResult.Refused(e.error());
        }
    }

    private StartResult startRead(TftpRequest request, InetAddress client, MacAddress phone) {
        Ipv4Address address = client instanceof Inet4Address ? Ipv4Address.fromBytes(client.getAddress(), 0) : null;
        Optional<CatalogEntry> entry = catalog.find(new FileRequest(request.filename(), address,
                phone, Transport.TFTP, null));
        if (entry.isEmpty()) {
            return refused(TftpErrorCode.FILE_NOT_FOUND, "file not found");
        }
        boolean netascii = request.mode() == TftpMode.NETASCII;
        NegotiatedOptions options = negotiation.negotiate(request, netascii ? -1 : entry.get().size());
        SeekableByteChannel channel;
        try {
            channel = entry.get().open();
        } catch (IOException e) {
            return refused(TftpErrorCode.ACCESS_VIOLATION, "cannot open the file");
        }
        BlockSource source = netascii ? new NetasciiBlockSource(channel)
                : new ChannelBlockSource(channel, entry.get().size());
        return new StartResult.Started(new ReadTransfer(source, options, limits.retries()), options,
                entry.get().size());
    }

    private StartResult startWrite(TftpRequest request, MacAddress phone) {
        if (!limits.writes()) {
            return refused(TftpErrorCode.ACCESS_VIOLATION, "uploads are disabled on this server (tftp.writes)");
        }
        Optional<UploadName> name = UploadName.parse(request.filename());
        if (name.isEmpty()) {
            return refused(TftpErrorCode.ACCESS_VIOLATION, "only phone uploads are accepted: <mac>-phone.cfg,"
                    + " -web.cfg, -app.log, -boot.log, -directory.xml, -calls.xml");
        }
        if (phone != null && !phone.equals(name.get().mac())) {
            // Phones read their override files back at boot: a stranger's upload would become their settings.
            return refused(TftpErrorCode.ACCESS_VIOLATION, "a phone uploads only its own files");
        }
        NegotiatedOptions options = negotiation.negotiate(request, -1);
        UploadArea.Upload upload;
        try {
            upload = uploads.begin(name.get(), limits.maxUpload());
        } catch (IOException e) {
            return refused(TftpErrorCode.DISK_FULL, "cannot store uploads now");
        }
        NetasciiDecoder netascii = request.mode() == TftpMode.NETASCII ? new NetasciiDecoder() : null;
        return new StartResult.Started(new WriteTransfer(upload, netascii, options, limits.retries()), options, -1);
    }

    private static StartResult refused(TftpErrorCode code, String message) {
        return new StartResult.Refused(TftpError.of(code, message));
    }
}
