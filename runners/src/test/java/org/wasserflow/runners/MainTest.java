package org.wasserflow.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input fails before training with exit status 2 and one line naming the problem. */
class MainTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "loss=w3                  | 'w3' for key 'loss': expected one of [w1, w2]",
        "flow.update=wgan         | 'wgan' for key 'flow.update': expected one of [targets, gan]",
        "loss=w1 w1.penalty=l2    | 'l2' for key 'w1.penalty': expected one of [gp, lp]",
        "generator.optimizer=rms  | 'rms' for key 'generator.optimizer': expected one of [adam, sgd]",
        "potential=magic          | 'magic' for key 'potential': expected one of [exact-ot, neural-dual, neural-map, sinkhorn]",
        "generator=gan            | 'gan' for key 'generator': expected one of [mlp, particles]",
        "integrator=rk4           | 'rk4' for key 'integrator': expected one of [euler, heun]",
        "data=mnist               | 'mnist' for key 'data': expected one of [checkerboard, csv, esl-digits, gaussian, gaussian-fit, gaussian-mixture, idx, npy, swiss-roll, two-spirals]",
        "flow.eps=-0.5            | '-0.5' for key 'flow.eps': expected a number > 0",
        "flow.K=0                 | '0' for key 'flow.K': expected an integer >= 1",
        "flow.K=many              | 'many' for key 'flow.K': expected an integer",
        "w2.penalty=cubic         | 'cubic' for key 'w2.penalty': expected one of [squared, linear]",
        "critic.hidden=128,-1     | 'critic.hidden': expected a comma-separated list of positive integers",
        "w2.lamda=10              | unknown key 'w2.lamda' = '10' (did you mean 'w2.lambda'?)",
        "=5                       | '=5' for key 'argument': expected key=value",
    })
    void badConfigExitsWithOneLineNamingTheProblem(String argument, String expected) {
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(List.of(argument.split(" ")));
        args.add("run.out=" + tmp);
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertTrue(Cli.isEmpty(tmp), "nothing written before validation passes");
    }

    @ParameterizedTest
    @CsvSource({"potential=exact-ot, integrator=heun", "potential=exact-ot, generator=particles"})
    void keysOfUnselectedPluginsInTheBaseFileAreTolerated(String potential, String other) {
        Cli.Result r = Cli.run("run", "../configs/ring-w2.properties", potential, other, "run.iterations=2", "run.log_every=1",
                "flow.batch=64", "eval.source_size=64", "eval.data_size=64", "run.out=" + tmp);
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void ganUpdateOfParticlesIsRefusedNamingTheKey() {
        Cli.Result r = Cli.run("run", "../configs/ring-w2.properties", "generator=particles", "potential=exact-ot", "flow.update=gan",
                "flow.batch=64", "eval.source_size=64", "eval.data_size=64", "run.iterations=2", "run.out=" + tmp);
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("'gan' for key 'flow.update'") && r.err().contains("particles"), r.err());
    }

    @ParameterizedTest
    @CsvSource({"no-such-file.properties", "missing.yaml"})
    void missingConfigFileIsNamed(String name) {
        Cli.Result r = Cli.run("run", tmp.resolve(name).toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("config file not found: " + tmp.resolve(name)), r.err());
    }

    @ParameterizedTest
    @CsvSource({"--stacktrace"})
    void stackTraceOnlyWhenAsked(String flag) {
        Cli.Result r = Cli.run("run", "flow.K=0", flag);
        assertEquals(2, r.status());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @ParameterizedTest
    @CsvSource({"train", "fit"})
    void unknownCommandListsTheCommands(String command) {
        Cli.Result r = Cli.run(command);
        assertEquals(2, r.status());
        assertTrue(r.err().contains("expected one of [run, resume, sample, transport, evaluate, bench, w2bench, ablate, report, help]"), r.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "report                          | usage: wasserflow report <sweep-dir>",
        "report,configs                  | 'configs' for key 'sweep directory': expected a directory written by wasserflow ablate",
        "report,configs,run.seed=2       | 'run.seed=2' for key 'argument'",
        "run,--detach                    | '--detach' for key 'argument'",
        "ablate,--detach,run.iterations=1 | --detach needs ablate.launcher=slurm"})
    void reportAndDetachMistakesAreOneLine(String args, String expected) {
        Cli.Result r = Cli.run(args.split(","));
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(expected) && r.err().strip().lines().count() == 1, r.err());
    }
}
