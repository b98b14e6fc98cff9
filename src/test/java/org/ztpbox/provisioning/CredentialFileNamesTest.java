package org.ztpbox.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialFileNamesTest {

    @Test
    void aPatternWithoutSlashMatchesTheLastComponentInAnyDirectory() {
        CredentialFileNames names = new CredentialFileNames(List.of("site.cfg", "*-user.cfg"));

        assertThat(names).accepts("site.cfg", "polycomuc/site.cfg", "0004f2aa814c-user.cfg", "a/b/x-user.cfg");
        assertThat(names).rejects("site.cfg.bak", "mysite.cfg", "0004f2aa814c.cfg", "user.cfg", "site.cfg/x");
    }

    @Test
    void aPatternWithSlashMatchesTheWholeNameAndStarStaysInOneComponent() {
        CredentialFileNames names = new CredentialFileNames(List.of("lines/*.cfg"));

        assertThat(names).accepts("lines/a.cfg");
        assertThat(names).rejects("a.cfg", "other/lines/a.cfg", "lines/sub/a.cfg");
    }

    @Test
    void regexCharactersAreLiteral() {
        assertThat(new CredentialFileNames(List.of("a+b(1).cfg"))).accepts("a+b(1).cfg").rejects("aab1.cfg");
        assertThat(new CredentialFileNames(List.of())).rejects("site.cfg");
    }
}
