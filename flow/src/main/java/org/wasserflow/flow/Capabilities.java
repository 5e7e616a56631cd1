package org.wasserflow.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wasserflow.api.Capability;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Law;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.RunShape;
import org.wasserflow.flow.config.FlowConfig;
import org.wasserflow.flow.plugin.PluginCatalogue;
import org.wasserflow.flow.problem.Problem;

/**
 * The one place where the {@link Capability capabilities} the selected plugins require are checked against what
 * the run provides, before the plugins are constructed. What the descriptors and settings decide is checked with
 * the plan ({@link #check(RunPlan)}); what the laws decide (labels, a mixture, the dimensions, the evaluation sizes
 * a finite law gives) once the laws are constructed and before anything else is ({@link #check(RunPlan,
 * Problem.Laws, RunShape)}). Each failure is one line naming the key to change.
 */
public final class Capabilities {

    private Capabilities() {
    }

    /**
     * The rules that the descriptors and the flow settings decide: a law fitted to the data only as the source, a ground cost for an estimator that requires
     * one, gradient steps for {@code flow.update=gan}, equal batches for an estimator that requires them (the
     * trainer draws generated and data batches of {@code flow.batch} each).
     */
    public static void check(RunPlan plan) {
        for (String role : List.of("data", "eval_data")) {
            Plugin law = plan.selected().containsKey(role) ? plan.plugin(role) : null;
            if (law != null && law.requires().contains(Capability.DATA_TO_FIT)) {
                throw new ConfigException(role, law.name(), "a law that is not fitted to the data: '" + law.name() + "' requires "
                        + Capability.DATA_TO_FIT.meaning());
            }
        }
        check(plan.plugin("loss"), plan.plugin("potential"), plan.plugin("generator"), plan.flow());
    }

    /**
     * The descriptor rules between the loss, the potential and the generator: see {@link #check(RunPlan)}.
     */
    public static void check(Plugin loss, Plugin potential, Plugin generator, FlowConfig flow) {
        if (potential.requires().contains(Capability.GROUND_COST) && !loss.provides().contains(Capability.GROUND_COST)) {
            throw new ConfigException("potential", potential.name(), "an estimator that needs no ground cost: potential '"
                    + potential.name() + "' requires " + Capability.GROUND_COST.meaning() + ", which loss '" + loss.name() + "' does not provide");
        }
        if (flow.update() == FlowConfig.Update.GAN && !generator.provides().contains(Capability.DESCEND)) {
            throw new ConfigException("flow.update", "gan", "targets: generator '" + generator.name() + "' provides no "
                    + Capability.DESCEND.meaning());
        }
        equalBatches(potential, flow.batch(), flow.batch());
    }

    /** An estimator that requires {@link Capability#EQUAL_BATCHES} is fed generated and data batches of one size. */
    public static void equalBatches(Plugin potential, int generated, int data) {
        if (potential.requires().contains(Capability.EQUAL_BATCHES) && generated != data) {
            throw new ConfigException("flow.batch", generated + " generated and " + data + " data", "equal sizes: potential '"
                    + potential.name() + "' requires " + Capability.EQUAL_BATCHES.meaning());
        }
    }

    /**
     * The rules the constructed laws decide, checked before the metrics and the rest are constructed: the
     * generator maps R^d to R^d, so the source and the evaluation data must have the data's dimension; every
     * selected plugin's (in practice every metric's) required labels, mixture and equal evaluation sizes; and a
     * generator that requires {@link Capability#FIXED_BATCH} gets training batches of {@code flow.batch} and
     * evaluation batches of the source evaluation size, which must be equal.
     *
     * @param shape the evaluation sizes the laws give ({@link Memory#shape})
     */
    public static void check(RunPlan plan, Problem.Laws laws, RunShape shape) {
        dimensions(plan, laws);
        for (Map.Entry<String, Plugin> e : selected(plan)) {
            for (Capability c : e.getValue().requires()) {
                String missing = switch (c) {
                    case SOURCE_LABELS -> laws.source().labelled() ? null : c.meaning() + ", but source '" + plan.plugin("source").name()
                            + "' is unlabelled";
                    case DATA_LABELS -> laws.evalData().labelled() ? null : c.meaning() + ", but '" + evalDataName(plan)
                            + "' is unlabelled";
                    case MIXTURE -> laws.data().mixture().isPresent() ? null : c.meaning() + ", but data '" + plan.plugin("data").name()
                            + "' is not one";
                    case MODES -> laws.data().mixture().isPresent() || laws.evalData().labelled() ? null : c.meaning()
                            + ", but '" + evalDataName(plan) + "' is neither";
                    case IMAGES -> laws.data().imageSide().isEmpty() ? c.meaning() + ", but data '" + plan.plugin("data").name()
                            + "' (dimension " + laws.data().dimension() + ") is not an image law"
                            : laws.evalData().imageSide().equals(laws.data().imageSide()) ? null : c.meaning() + ", but '"
                            + evalDataName(plan) + "' has no images of side " + laws.data().imageSide().getAsInt();
                    case EQUAL_EVAL_SIZES -> shape.evalSource() == shape.evalData() ? null : c.meaning() + ", but "
                            + RunShape.EVAL_SOURCE + " gives " + shape.evalSource() + " points and " + RunShape.EVAL_DATA + " "
                            + shape.evalData();
                    default -> null;
                };
                if (missing != null) {
                    throw new ConfigException(e.getKey(), e.getValue().name(), "plugins whose requirements the problem meets: "
                            + label(e) + " requires " + missing);
                }
            }
        }
        Plugin generator = plan.plugin("generator");
        if (generator.requires().contains(Capability.FIXED_BATCH) && shape.batch() != shape.evalSource()) {
            throw new ConfigException("flow.batch", shape.batch(), shape.evalSource() + ", the evaluation size (" + RunShape.EVAL_SOURCE
                    + "): generator '" + generator.name() + "' requires " + Capability.FIXED_BATCH.meaning());
        }
    }

    private static void dimensions(RunPlan plan, Problem.Laws laws) {
        int d = laws.data().dimension();
        String data = plan.plugin("data").name();
        check(laws.source(), laws.data(), "source", plan.plugin("source").name(), "a law of dimension " + d + " like data '" + data
                + "' (the generator maps R^d to R^d)");
        check(laws.evalData(), laws.data(), "eval_data", evalDataName(plan), "a law of dimension " + d + " like data '" + data + "'");
    }

    /** Refuses {@code law} unless it has the data's dimension; between two image laws the message gives both sides. */
    private static void check(Law law, Law data, String key, String name, String expected) {
        if (law.dimension() == data.dimension()) {
            return;
        }
        if (law.imageSide().isPresent() && data.imageSide().isPresent()) {
            int side = law.imageSide().getAsInt();
            int dataSide = data.imageSide().getAsInt();
            throw new ConfigException(key, name, expected + ", but it has images of " + side + "x" + side + " and the data "
                    + dataSide + "x" + dataSide + ": resize one of them to the other's side");
        }
        throw new ConfigException(key, name, expected + ", but it has dimension " + law.dimension());
    }

    private static String evalDataName(RunPlan plan) {
        return plan.plugin(plan.selected().containsKey("eval_data") ? "eval_data" : "data").name();
    }

    /** The selected plugins by role, then the metrics under the key {@code metrics}. */
    private static List<Map.Entry<String, Plugin>> selected(RunPlan plan) {
        List<Map.Entry<String, Plugin>> out = new ArrayList<>();
        plan.selected().forEach((role, e) -> out.add(Map.entry(role, e.plugin())));
        for (PluginCatalogue.Entry e : plan.metrics()) {
            out.add(Map.entry("metrics", e.plugin()));
        }
        return out;
    }

    private static String label(Map.Entry<String, Plugin> e) {
        return (e.getKey().equals("metrics") ? "metric" : e.getValue().kind().key()) + " '" + e.getValue().name() + "'";
    }
}
