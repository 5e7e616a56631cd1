package org.wasserflow.problems.laws;

import java.util.random.RandomGenerator;
import com.google.inject.Inject;
import java.util.Optional;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Law;
import org.wasserflow.api.Mixture;
import org.wasserflow.api.Sample;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;

/**
 * An equal-weight mixture of isotropic Gaussians {@code N(c_k, std^2 I)}: centres on a ring
 * ({@code layout=ring}: {@code modes} centres at {@code radius (cos 2 pi k / modes, sin 2 pi k / modes)}, the
 * benchmark of Metz et al. 2017), on a grid ({@code layout=grid}: {@code grid x grid} centres
 * {@code spacing (i, j)} for {@code i, j} centred on 0; {@code grid=5, spacing=2} is the 25-Gaussians benchmark),
 * or from a list in any dimension ({@code layout=list}, {@code centres=x1 y1; x2 y2; ...}). Samples are labelled
 * with their component; evaluation sets are stratified (exact component counts).
 */
public final class GaussianMixtureLaw implements Law {

    /** The name this law is registered under. */
    public static final String NAME = "gaussian-mixture";

    public static final Setting<String> LAYOUT = Setting.choice("law.layout", "ring", "ring", "grid", "list")
            .describe("where the centres are: ring (modes, radius), grid (grid x grid, spacing) or list (centres)");
    public static final Setting<Integer> MODES = Setting.integer("law.modes", 8).atLeast(1).describe("layout=ring: number of components");
    public static final Setting<Double> RADIUS = Setting.number("law.radius", 1.0).atLeast(0).describe("layout=ring: radius of the ring");
    public static final Setting<Integer> GRID = Setting.integer("law.grid", 5).atLeast(1).describe("layout=grid: centres per side");
    public static final Setting<Double> SPACING = Setting.number("law.spacing", 2.0).positive()
            .describe("layout=grid: distance between neighbouring centres");
    public static final Setting<String> CENTRES = Setting.text("law.centres", "")
            .describe("layout=list: the centres, coordinates separated by spaces, centres by ';' (e.g. 0 0; 1 1)");
    public static final Setting<Double> STD = Setting.number("law.std", 0.1).positive()
            .describe("per-coordinate standard deviation of every component");
    /** Its keys, under the role's prefix ({@code data.layout}). */
    public static final SettingGroup GROUP = SettingGroup.of(Law.PREFIX, "Gaussian mixture", LAYOUT, MODES, RADIUS, GRID, SPACING,
            CENTRES, STD);

    private final Mixture mixture;

    @Inject
    public GaussianMixtureLaw(Settings settings) {
        double[][] centres = switch (settings.get(LAYOUT)) {
            case "ring" -> ring(settings.get(MODES), settings.get(RADIUS));
            case "grid" -> grid(settings.get(GRID), settings.get(SPACING));
            default -> list(settings.get(CENTRES), settings.keyOf(CENTRES));
        };
        this.mixture = new Mixture(centres, settings.get(STD));
    }

    /** {@code modes} centres on a circle of {@code radius}. */
    static double[][] ring(int modes, double radius) {
        double[][] c = new double[modes][];
        for (int k = 0; k < modes; k++) {
            c[k] = new double[] {radius * Math.cos(2 * Math.PI * k / modes), radius * Math.sin(2 * Math.PI * k / modes)};
        }
        return c;
    }

    /** {@code n x n} centres {@code spacing (i - (n-1)/2, j - (n-1)/2)}, row by row. */
    static double[][] grid(int n, double spacing) {
        double[][] c = new double[n * n][];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i * n + j] = new double[] {spacing * (i - (n - 1) / 2.0), spacing * (j - (n - 1) / 2.0)};
            }
        }
        return c;
    }

    /** The centres listed in {@code text}; errors name {@code key}, the key the centres were configured under. */
    private static double[][] list(String text, String key) {
        if (text.isBlank()) {
            throw new ConfigException(key, text, "one or more centres, e.g. '0 0; 2 2' (layout=list)");
        }
        String[] parts = text.split(";");
        double[][] c = new double[parts.length][];
        for (int k = 0; k < parts.length; k++) {
            String[] coords = parts[k].trim().split("[\\s,]+");
            c[k] = new double[coords.length];
            try {
                for (int j = 0; j < coords.length; j++) {
                    c[k][j] = Double.parseDouble(coords[j]);
                }
            } catch (NumberFormatException e) {
                throw new ConfigException(key, parts[k].trim(), "numbers separated by spaces (centre " + (k + 1) + ")");
            }
            if (c[k].length != c[0].length) {
                throw new ConfigException(key, parts[k].trim(), c[0].length + " coordinates, like the first centre (centre " + (k + 1) + ")");
            }
        }
        return c;
    }

    @Override
    public int dimension() {
        return mixture.dimension();
    }

    @Override
    public boolean labelled() {
        return true;
    }

    @Override
    public Optional<Mixture> mixture() {
        return Optional.of(mixture);
    }

    /** Components drawn uniformly, one per point. */
    @Override
    public Sample sample(int m, RandomGenerator rng) {
        int[] labels = new int[m];
        for (int i = 0; i < m; i++) {
            labels[i] = rng.nextInt(mixture.modes());
        }
        return draw(labels, rng);
    }

    /** Exact component counts ({@code m / modes} each, the remainder on random components), in component order. */
    @Override
    public Sample stratified(int m, RandomGenerator rng) {
        int[] counts = Draws.stratifiedCounts(m, mixture.modes(), rng);
        int[] labels = new int[m];
        int i = 0;
        for (int k = 0; k < counts.length; k++) {
            for (int c = 0; c < counts[k]; c++) {
                labels[i++] = k;
            }
        }
        return draw(labels, rng);
    }

    private Sample draw(int[] labels, RandomGenerator rng) {
        int d = mixture.dimension();
        double[][] centres = mixture.centres();
        double[] out = new double[labels.length * d];
        for (int i = 0; i < labels.length; i++) {
            for (int k = 0; k < d; k++) {
                out[i * d + k] = centres[labels[i]][k] + mixture.std() * Draws.normal(rng);
            }
        }
        return new Sample(Draws.rows(out, labels.length, d), labels);
    }
}
