package org.ztpbox.provisioning.inventory;

/**
 * Something wrong in an inventory file, located as a spreadsheet user finds it: the line of the
 * file and the column's letter and header ({@code line 5, column B (MAC Address): ...}).
 *
 * @param line   1-based line of the file
 * @param column the column's letter and header, e.g. {@code B (MAC Address)}; null for the whole line
 */
public record ImportProblem(Kind kind, int line, String column, String message) {

    /** An error stops the import; a warning is shown and the import goes on. */
    public enum Kind { ERROR, WARNING }

    public boolean isError() {
        return kind == Kind.ERROR;
    }

    @Override
    public String toString() {
        return "line " + line + (column == null ? "" : ", column " + column) + ": " + message;
    }
}
