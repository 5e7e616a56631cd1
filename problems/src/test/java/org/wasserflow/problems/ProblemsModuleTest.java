package org.wasserflow.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.wasserflow.api.Law;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PluginKind;
import org.wasserflow.api.Settings;
import org.wasserflow.problems.laws.CsvLaw;
import org.wasserflow.problems.laws.GaussianMixtureLaw;

/** The module registers every law, and Guice builds a file law from its role's settings as the runner does. */
class ProblemsModuleTest {

    @Test
    void everyLawIsRegisteredAndAFileLawIsBuiltThroughGuice() {
        Injector injector = Guice.createInjector(new ProblemsModule(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(Settings.class).toInstance(TestLaws.settings(ProblemsModule.CSV, "data.path",
                        TestLaws.fixture("laws/points.csv").toString(), "data.label_column", "label", "data.columns", "x,y,z"));
            }
        });
        Set<Plugin> plugins = injector.getInstance(Key.get(new TypeLiteral<Set<Plugin>>() { }));
        assertEquals(new TreeSet<>(Set.of("gaussian", "gaussian-fit", "gaussian-mixture", "swiss-roll", "two-spirals", "checkerboard", "npy", "csv", "idx", "esl-digits")),
                plugins.stream().filter(p -> p.kind() == PluginKind.LAW).map(Plugin::name).collect(Collectors.toCollection(TreeSet::new)));
        Law law = injector.getInstance(CsvLaw.class);
        assertEquals(3, law.dimension());
        assertEquals(15, law.size().getAsInt());
    }

    @Test
    void theMixturesListedCentresAreRefusedUnderTheRolesKey() {
        TestLaws.refused(GaussianMixtureLaw::new, ProblemsModule.GAUSSIAN_MIXTURE, "data.centres",
                TestLaws.with("data.layout", "list", "data.centres", "0 0; 1"), "centre 2");
    }
}
