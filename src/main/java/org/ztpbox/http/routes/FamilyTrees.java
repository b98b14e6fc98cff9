package org.ztpbox.http.routes;

import java.util.List;
import org.ztpbox.config.HttpConfig.FirmwareTrees;
import org.ztpbox.http.FirmwareFamily;
import org.ztpbox.http.UserAgent;

/**
 * Chooses where to look for a file by the phone's firmware family (UC 3.x versus 4.x and later,
 * read from the User-Agent): first in that family's tree, then in the root. So the admin keeps
 * shared files once in the root and puts only what differs in each family's directory.
 */
public final class FamilyTrees {

    private final FirmwareTrees trees;

    public FamilyTrees(FirmwareTrees trees) {
        this.trees = trees;
    }

    /** The catalog names to try, in order. */
    public List<String> candidates(String name, UserAgent agent) {
        FirmwareFamily family = FirmwareFamily.of(agent);
        String tree = family == FirmwareFamily.UC3 ? trees.uc3() : family == FirmwareFamily.UC4 ? trees.uc4() : null;
        return tree == null ? List.of(name) : List.of(tree + "/" + name, name);
    }
}
