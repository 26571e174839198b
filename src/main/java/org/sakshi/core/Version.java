package org.sakshi.core;

/** The tool's name and version as recorded in custody events and bundles. */
public final class Version {
    private Version() {
    }

    public static String version() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    public static String toolVersion() {
        return "sakshi " + version();
    }
}
