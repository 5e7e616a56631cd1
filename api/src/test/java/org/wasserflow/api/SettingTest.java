package org.wasserflow.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Declared settings: parsing, constraints, messages, groups and the views components read through. */
class SettingTest {

    static final Setting<Double> RATE = Setting.number("demo.rate", 0.5).between(0, 1, true, false).describe("a rate");
    static final Setting<Integer> STEPS = Setting.integer("demo.steps", 3).atLeast(1).describe("steps");
    static final Setting<String> MODE = Setting.choice("demo.mode", "fast", "fast", "exact").describe("the mode");
    static final Setting<int[]> WIDTHS = Setting.positiveInts("demo.widths", 8, 8).describe("widths");
    static final SettingGroup DEMO = SettingGroup.of("demo", "a demo component", RATE, STEPS, MODE, WIDTHS);
    static final Setting<Integer> OTHER = Setting.integer("other.count", 1).describe("someone else's key");

    @Test
    void valuesParseAndOutOfRangeValuesAreRefusedNamingKeyValueAndRange() {
        assertEquals(0.25, RATE.parse(" 0.25 "));
        assertEquals(1.0, RATE.parse("1"));
        assertEquals("invalid value '0' for key 'demo.rate': expected a number in (0, 1]",
                assertThrows(ConfigException.class, () -> RATE.parse("0")).getMessage());
        assertEquals("invalid value 'NaN' for key 'demo.rate': expected a number in (0, 1]",
                assertThrows(ConfigException.class, () -> RATE.parse("NaN")).getMessage());
        assertEquals("invalid value 'many' for key 'demo.steps': expected an integer >= 1",
                assertThrows(ConfigException.class, () -> STEPS.parse("many")).getMessage());
        assertEquals("invalid value 'slow' for key 'demo.mode': expected one of [fast, exact]",
                assertThrows(ConfigException.class, () -> MODE.parse("slow")).getMessage());
        assertArrayEquals(new int[] {4, 2}, WIDTHS.parse("4, 2"));
        assertThrows(ConfigException.class, () -> WIDTHS.parse("4,0"));
        assertEquals("5.0E-4", Setting.number("x.lr", 1).describe("lr").resolve("5e-4"), "values are recorded normalised");
        assertEquals("8,8", WIDTHS.resolve(null), "absent values resolve to the default");
    }

    @Test
    void groupsRefuseKeysOutsideTheirPrefixMissingDescriptionsAndInvalidDefaults() {
        assertThrows(IllegalArgumentException.class, () -> SettingGroup.of("demo", "t", OTHER));
        assertThrows(IllegalArgumentException.class, () -> SettingGroup.of("demo", "t", Setting.integer("demo.x", 1)));
        assertThrows(IllegalArgumentException.class, () -> SettingGroup.of("demo", "t", Setting.integer("demo.x", 0).atLeast(1).describe("x")));
        assertThrows(IllegalArgumentException.class, () -> SettingGroup.of("demo", "t", STEPS, STEPS));
        assertThrows(IllegalArgumentException.class, () -> Setting.choice("demo.c", "z", "a", "b"));
    }

    @Test
    void aViewReadsItsDeclaredSettingsAndRefusesOthers() {
        Settings view = Settings.of(Map.of("demo.steps", "7", "other.count", "not even a number"), List.of(DEMO));
        assertEquals(7, view.get(STEPS));
        assertEquals(0.5, view.get(RATE), "defaults");
        assertEquals("fast", view.get(MODE));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> view.get(OTHER));
        assertTrue(e.getMessage().contains("'other.count' is not declared by this component"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> view.get(Setting.integer("demo.steps", 4).describe("a different default")),
                "a same-named setting with another declaration is not the declared one");
    }

    @Test
    void aViewValidatesItsValuesWhenMade() {
        ConfigException e = assertThrows(ConfigException.class, () -> Settings.of(Map.of("demo.mode", "slow"), List.of(DEMO)));
        assertEquals("demo.mode", e.key());
    }

    @Test
    void aRebasedViewReadsTheRoleKeysAndNamesThemInErrors() {
        Setting<Double> std = Setting.number("law.std", 1.0).positive().describe("a std");
        SettingGroup law = SettingGroup.of(Law.PREFIX, "a law", std);
        Settings view = Settings.rebased(Map.of("data.std", "2.5", "law.std", "9"), List.of(law, DEMO), Law.PREFIX, "data");
        assertEquals(2.5, view.get(std), "the law reads law.std from data.std");
        assertEquals("data.std", view.keyOf(std));
        assertEquals("demo.steps", view.keyOf(STEPS), "groups under other prefixes keep their keys");
        assertEquals("law.std", Settings.of(Map.of(), List.of(law)).keyOf(std), "a plain view names the declared key");
        ConfigException e = assertThrows(ConfigException.class,
                () -> Settings.rebased(Map.of("data.std", "-1"), List.of(law), Law.PREFIX, "data"));
        assertEquals("data.std", e.key());
    }

    @Test
    void descriptorsCheckNamesAndTypes() {
        assertThrows(IllegalArgumentException.class, () -> Plugin.of(PluginKind.LOSS, "Bad_Name", DemoLoss.class, "d"));
        Plugin p = Plugin.loss("demo-loss", DemoLoss.class, "a demo").forLoss("w2").provides(Capability.GROUND_COST).settings(DEMO);
        assertEquals("loss demo-loss (loss w2)", p.label());
        assertEquals(List.of(DEMO), p.settings());
        assertTrue(p.provides().contains(Capability.GROUND_COST) && p.requires().isEmpty());
    }

    /** A loss for the descriptor checks. */
    static final class DemoLoss implements Loss {
    }
}
