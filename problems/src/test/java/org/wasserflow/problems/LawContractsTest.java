package org.wasserflow.problems;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.wasserflow.api.Law;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.Settings;
import org.wasserflow.api.testkit.LawContract;
import org.wasserflow.problems.laws.CheckerboardLaw;
import org.wasserflow.problems.laws.CsvLaw;
import org.wasserflow.problems.laws.EslDigitsLaw;
import org.wasserflow.problems.laws.GaussianLaw;
import org.wasserflow.problems.laws.GaussianMixtureLaw;
import org.wasserflow.problems.laws.IdxLaw;
import org.wasserflow.problems.laws.NpyLaw;
import org.wasserflow.problems.laws.SwissRollLaw;
import org.wasserflow.problems.laws.TwoSpiralsLaw;

/** The {@link LawContract} for every law of this module; the file laws read the fixtures under test resources. */
class LawContractsTest {

    @Nested
    class Gaussian extends LawContract {
        @Override
        protected Plugin plugin() {
            return ProblemsModule.GAUSSIAN;
        }

        @Override
        protected Law create(Settings settings) {
            return new GaussianLaw(settings);
        }

        @Override
        protected Map<String, String> configuration() {
            return Map.of("law.dim", "5");
        }
    }

    @Nested
    class GaussianMixture extends LawContract {
        @Override
        protected Plugin plugin() {
            return ProblemsModule.GAUSSIAN_MIXTURE;
        }

        @Override
        protected Law create(Settings settings) {
            return new GaussianMixtureLaw(settings);
        }
    }

    @Nested
    class SwissRoll extends LawContract {
        @Override
        protected Plugin plugin() {
            return ProblemsModule.SWISS_ROLL;
        }

        @Override
        protected Law create(Settings settings) {
            return new SwissRollLaw(settings);
        }
    }

    @Nested
    class TwoSpirals extends LawContract {
        @Override
        protected Plugin plugin() {
            return ProblemsModule.TWO_SPIRALS;
        }

        @Override
        protected Law create(Settings settings) {
            return new TwoSpiralsLaw(settings);
        }
    }

    @Nested
    class Checkerboard extends LawContract {
        @Override
        protected Plugin plugin() {
            return ProblemsModule.CHECKERBOARD;
        }

        @Override
        protected Law create(Settings settings) {
            return new CheckerboardLaw(settings);
        }
    }

    @Nested
    class Npy extends LawContract {
        @Override
        protected Plugin plugin() {
            return ProblemsModule.NPY;
        }

        @Override
        protected Law create(Settings settings) {
            return new NpyLaw(settings);
        }

        @Override
        protected Map<String, String> configuration() {
            return Map.of("law.path", TestLaws.fixture("laws/points12.npy").toString(),
                    "law.labels_path", TestLaws.fixture("laws/labels12.npy").toString(), "law.standardize", "true");
        }
    }

    @Nested
    class Csv extends LawContract {
        @Override
        protected Plugin plugin() {
            return ProblemsModule.CSV;
        }

        @Override
        protected Law create(Settings settings) {
            return new CsvLaw(settings);
        }

        @Override
        protected Map<String, String> configuration() {
            return Map.of("law.path", TestLaws.fixture("laws/points.csv").toString(), "law.columns", "x,y,z", "law.label_column", "label");
        }
    }

    @Nested
    class Idx extends LawContract {
        @Override
        protected Plugin plugin() {
            return ProblemsModule.IDX;
        }

        @Override
        protected Law create(Settings settings) {
            return new IdxLaw(settings);
        }

        @Override
        protected Map<String, String> configuration() {
            return Map.of("law.images", TestLaws.fixture("digits/mnist/train-images-idx3-ubyte.gz").toString(),
                    "law.labels", TestLaws.fixture("digits/mnist/train-labels-idx1-ubyte.gz").toString(), "law.side", "16");
        }
    }

    @Nested
    class EslDigits extends LawContract {
        @Override
        protected Plugin plugin() {
            return ProblemsModule.ESL_DIGITS;
        }

        @Override
        protected Law create(Settings settings) {
            return new EslDigitsLaw(settings);
        }

        @Override
        protected Map<String, String> configuration() {
            return Map.of("law.path", TestLaws.fixture("digits/usps/zip.train.gz").toString());
        }
    }
}
