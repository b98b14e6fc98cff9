package org.ztpbox.provisioning.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.ztpbox.core.Inventory;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.Phone;

/**
 * An inventory in memory for tests: rows put and removed at will, each change a new generation.
 * Reads a plain CSV (header line, comma-separated, no quoting) with the named columns mac, model,
 * extension, display name, sip user, password, auth domain, registrar, site; every other column is
 * an extra. The real import is a separate part of ztpbox; this only feeds the catalog under test.
 */
public final class MemoryInventory implements Inventory {

    private final ConcurrentSkipListMap<MacAddress, Phone> phones = new ConcurrentSkipListMap<>();
    private final AtomicLong generation = new AtomicLong();

    public static MemoryInventory fromCsv(Path csv) {
        MemoryInventory inventory = new MemoryInventory();
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            String[] header = lines.get(0).split(",", -1);
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], i < cells.length ? cells[i] : "");
                }
                inventory.put(phone(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inventory;
    }

    private static Phone phone(Map<String, String> row) {
        Map<String, String> extra = new LinkedHashMap<>(row);
        List<String> named = List.of("mac", "model", "extension", "display name", "sip user", "password",
                "auth domain", "registrar", "site");
        List<String> values = new ArrayList<>();
        for (String column : named) {
            values.add(extra.remove(column));
        }
        return new Phone(MacAddress.parse(values.get(0)), values.get(1), values.get(2), values.get(3), values.get(4),
                values.get(5), values.get(6), values.get(7), values.get(8), extra);
    }

    public void put(Phone phone) {
        phones.put(phone.mac(), phone);
        generation.incrementAndGet();
    }

    public void remove(MacAddress mac) {
        phones.remove(mac);
        generation.incrementAndGet();
    }

    @Override
    public Optional<Phone> find(MacAddress mac) {
        return Optional.ofNullable(phones.get(mac));
    }

    @Override
    public List<Phone> phones() {
        return List.copyOf(phones.values());
    }

    @Override
    public long generation() {
        return generation.get();
    }
}
