package org.wasserflow.flow.plugin;

import org.wasserflow.api.Setting;

/**
 * One declaration of a configuration key: the setting, under the key it is configured with, and who declares
 * it. A law's keys are declared once for each role it can fill ({@code source.std}, {@code data.std}, ...), so
 * one key may have several declarations, from different laws.
 *
 * @param setting the setting under its configured key
 * @param owner the declaring plugin, or null for the runner and its commands
 * @param role the role whose prefix the key is under (for laws), or the plugin's kind
 */
public record Declaration(Setting<?> setting, PluginCatalogue.Entry owner, String role) {

    /** Who declares it, for messages. */
    public String who() {
        return owner == null ? "the runner" : owner.plugin().label() + " from " + owner.origin();
    }
}
