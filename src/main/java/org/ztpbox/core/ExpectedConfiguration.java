package org.ztpbox.core;

import java.util.Map;

/**
 * What ztpbox means a phone to run: the parameters of the configuration files it generates for
 * that phone, merged in the phone's own precedence (left-most file of CONFIG_FILES wins). The
 * diagnosis compares what phones upload against it.
 */
public interface ExpectedConfiguration {

    /** Parameter name to value; secrets included, so callers must mask them before showing. */
    Map<String, String> parametersFor(MacAddress phone);
}
