package org.wasserflow.api;

/**
 * The version of this service-provider interface. A plugin jar declares the version it was built against in
 * its manifest attribute {@value #MANIFEST_ATTRIBUTE} (the Maven property {@code wasserflow.spi.version}
 * sets it); the runner loads only plugins built against its own version. The version changes with any
 * incompatible change to the interfaces of this package. Version 2: plugins register {@link Plugin}
 * descriptors with declared {@link SettingGroup}s and {@link Capability capabilities}, and read their values
 * through {@link Settings#get(Setting)}. Version 3: the instances no longer repeat their name ({@code name()} is
 * gone from every kind; the descriptor holds it), {@code Metric.Need} became {@link Capability}s that a metric's
 * descriptor requires, and descriptors may declare their memory ({@link Plugin#memory}) and the keys to blame when
 * they diverge ({@link Plugin#blame}).
 */
public final class Spi {

    /** The manifest attribute of a plugin jar that names the SPI version it was built against. */
    public static final String MANIFEST_ATTRIBUTE = "Wasserflow-SPI-Version";

    /** This SPI's version; equal to the parent POM's {@code wasserflow.spi.version}. */
    public static final int VERSION = 3;

    private Spi() {
    }
}
