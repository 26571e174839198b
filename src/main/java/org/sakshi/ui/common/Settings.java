package org.sakshi.ui.common;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * What the workstation remembers per user (stored by {@link SettingsStore}): the operator profile,
 * the workspace, trust anchors for verification, TSAs, the blur setting, the language and the window geometry.
 * Never a password, PIN or key.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Settings {
    public OperatorProfile profile;
    public String workspace;
    public List<String> trustAnchors = new ArrayList<>();
    public List<String> tsaUrls = new ArrayList<>();
    public boolean blurImages = true;
    /** The window's language ({@code en}, {@code hi}, {@code bn}, {@code ne}); null: the system locale's. */
    public String language;
    public WindowGeometry mainWindow;
    public WindowGeometry caseWindow;
    public double caseDividerPosition = 0.58;

    /** A window's remembered position and size. */
    public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {
    }
}
