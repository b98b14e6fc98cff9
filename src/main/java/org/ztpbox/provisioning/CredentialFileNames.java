package org.ztpbox.provisioning;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The served names an admin declared as holding credentials ({@code provisioning.credential-files}):
 * {@code *} matches any run of characters within one path component; a pattern without {@code /}
 * matches the last component in any directory (so {@code site.cfg} also covers a firmware family's
 * {@code polycomuc/site.cfg}), a pattern with one matches the whole name.
 */
public final class CredentialFileNames implements Predicate<String> {

    private final List<Pattern> anywhere;
    private final List<Pattern> whole;

    public CredentialFileNames(List<String> globs) {
        this.anywhere = globs.stream().filter(g -> g.indexOf('/') < 0).map(CredentialFileNames::compile).toList();
        this.whole = globs.stream().filter(g -> g.indexOf('/') >= 0).map(CredentialFileNames::compile).toList();
    }

    private static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        String[] parts = glob.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            regex.append(Pattern.quote(parts[i]));
            if (i < parts.length - 1) {
                regex.append("[^/]*");
            }
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public boolean test(String name) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        return anywhere.stream().anyMatch(p -> p.matcher(last).matches())
                || whole.stream().anyMatch(p -> p.matcher(name).matches());
    }
}
