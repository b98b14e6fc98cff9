package org.ztpbox.provisioning.inventory;

import java.util.List;
import org.ztpbox.core.Phone;

/**
 * An inventory file read and checked. When {@link #hasErrors()} nothing of it may be imported.
 * Empty secret cells are still empty here; {@link InventoryImport} decides what they mean.
 *
 * @param phones   the phones of the rows without errors, in file order
 * @param problems errors and warnings, in line order
 * @param format   how the file was read, e.g. {@code semicolon-separated, UTF-8 with BOM}
 */
public record ParsedInventory(List<Phone> phones, List<ImportProblem> problems, String format) {

    public ParsedInventory {
        phones = List.copyOf(phones);
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(ImportProblem::isError);
    }

    public List<ImportProblem> errors() {
        return problems.stream().filter(ImportProblem::isError).toList();
    }

    public List<ImportProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }
}
