/**
 * The wasserflow service-provider interfaces: {@link org.wasserflow.api.Loss},
 * {@link org.wasserflow.api.PotentialEstimator}, {@link org.wasserflow.api.Generator} and
 * {@link org.wasserflow.api.Integrator}, with the small value types they exchange. Plugins implement
 * them and register each implementation as a {@link org.wasserflow.api.Plugin} descriptor (kind, logical
 * name, declared {@link org.wasserflow.api.SettingGroup settings}, capabilities) from a Guice module listed
 * in {@code META-INF/services/com.google.inject.Module}; this package itself depends on neither Guice nor a
 * native ND4J backend.
 */
package org.wasserflow.api;
