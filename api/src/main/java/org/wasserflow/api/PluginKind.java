package org.wasserflow.api;

/**
 * A kind of plugin: the interface its implementations provide and the configuration key that selects one
 * by name ({@code loss=w2}, {@code potential=sinkhorn}, ...).
 *
 * @param key the selecting configuration key, also the kind's name in {@code wasserflow help}
 * @param type the service-provider interface
 * @param <T> the interface type
 */
public record PluginKind<T>(String key, Class<T> type) {

    /** Transport losses, selected by {@code loss}. */
    public static final PluginKind<Loss> LOSS = new PluginKind<>("loss", Loss.class);
    /** Potential estimators, selected by {@code potential}. */
    public static final PluginKind<PotentialEstimator> POTENTIAL = new PluginKind<>("potential", PotentialEstimator.class);
    /** Generators, selected by {@code generator}. */
    public static final PluginKind<Generator> GENERATOR = new PluginKind<>("generator", Generator.class);
    /** Laws, selected for each role by {@code source}, {@code data} and {@code eval_data}. */
    public static final PluginKind<Law> LAW = new PluginKind<>("law", Law.class);
    /** Metrics, selected as a list by {@code metrics}. */
    public static final PluginKind<Metric> METRIC = new PluginKind<>("metric", Metric.class);
    /** Integrators, selected by {@code integrator}. */
    public static final PluginKind<Integrator> INTEGRATOR = new PluginKind<>("integrator", Integrator.class);

    @Override
    public String toString() {
        return key;
    }
}
