package org.gridstack.plugin.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ETA on made-up stages with the shapes real ones have (sizes from the issue: a 40 GB stage of 16 MB chunks,
 * about 2500 of them in 9 minutes). After 10 % of a stage's units its ETA is known and within 2x of the time really
 * left, up to the last 5 % of the units: at the very end the remaining time is the stragglers' (jobs with fixed
 * shares end at different times, and a shuffle's last units are its slow kind), which no count of units can see.
 */
class EtaEstimatorTest {
    private static final long MB16 = 16_000_000;

    @Test
    void noWildNumberAtTheFirstChunk() {
        // the case: the first chunk after 3.3 s of start-up, of 2500; ETA was elapsed * left / done = 8255 s
        FakeClock clock = new FakeClock();
        EtaEstimator eta = new EtaEstimator(clock);
        assertTrue(Double.isNaN(eta.etaSeconds()), "nothing done yet");
        clock.set(3.3);
        eta.update(1, 2500, MB16);
        assertTrue(Double.isNaN(eta.etaSeconds()), "one chunk tells nothing yet: " + eta.etaSeconds());
        for (int i = 2; i <= 17; i++) {
            clock.set(3.3 + (i - 1) * 0.2);
            eta.update(i, 2500, i * MB16);
        }
        // 16 chunks in 3.2 s after the first: no ETA yet, since parallel jobs may finish their first chunks in a
        // burst, the rate is measured over at least as long as the first chunk took (3.3 s)
        assertTrue(Double.isNaN(eta.etaSeconds()), "measured for less than the first chunk took: " + eta.etaSeconds());
        clock.set(6.7);
        eta.update(18, 2500, 18 * MB16);
        // 17 chunks at 5 a second after the first: 2482 left take 496 s
        assertEquals(2482 / 5.0, eta.etaSeconds(), 0.5);
        assertEquals(80, eta.megabytesPerSecond(), 0.5);
    }

    @Test
    void steadyRateWithASlowFirstChunk() {
        // 2 nodes x 2 CPUs, each job's first chunk slow (start-up), then 0.87 s a chunk: 2500 chunks in ~9 minutes
        assertWithinTwice(new SimulatedStage(4, 1).startup(3.3).phase(2500, 0.87, MB16));
    }

    @Test
    void manyJobsFinishingTheirFirstChunksTogether() {
        // 16 jobs start together, so their first chunks end in one burst after a long start-up
        assertWithinTwice(new SimulatedStage(16, 2).startup(10).phase(2500, 3.4, MB16));
    }

    @Test
    void slowBlocksFinishedTogether() {
        // 8 jobs, 30 s a block (FFT of big blocks), all started together: their chunks end in bursts 30 s apart
        assertWithinTwice(new SimulatedStage(8, 8).jitter(0.05).phase(400, 30, 64 * MB16));
        // one job, 20 blocks of 30 s: the first block is the warm-up and 3 more are needed, so known from 20 %; with
        // two blocks left, one may be nearly done, so up to 85 % (3 left)
        assertWithinTwice(new SimulatedStage(1, 9).phase(20, 30, 64 * MB16), 0.2, 0.85, false);
    }

    @Test
    void resumedStageLeavesOutTheUnitsCountedAtOnce() {
        // an earlier run left 1000 of 2500 done: they are counted in the first moment, then the start-up comes
        assertWithinTwice(new SimulatedStage(4, 3).alreadyDone(1000).startup(3).phase(1500, 0.87, MB16));
        // the same when finding what was done took longer than the start-up and first chunk after it
        assertWithinTwice(new SimulatedStage(4, 3).alreadyDone(1000, 1.0).startup(0.3).phase(1500, 0.87, MB16));
    }

    @Test
    void twoPhasesOfDifferentSpeed() {
        // a one-wave shuffle: 2000 input chunks scattered, then 500 output blocks finished, 1.7x slower or faster each
        assertWithinTwice(new SimulatedStage(4, 4).startup(2).phase(2000, 0.1, MB16).phase(500, 0.17, MB16));
        assertWithinTwice(new SimulatedStage(4, 5).startup(2).phase(2000, 0.17, MB16).phase(500, 0.1, MB16));
    }

    @Test
    void shuffleWavesAlternatingPhasesFarApartInSpeed() {
        // 40 GB in 20 waves: each scatters all 2500 input chunks (quick: only a twentieth of each is cut) and then
        // finishes 128 blocks (33x slower each). Before the first finish the ETA knows only of scatters (2.6x short);
        // from 10 % (two waves) on, the average since the warm-up spans whole waves
        SimulatedStage stage = new SimulatedStage(4, 6).startup(2);
        for (int w = 0; w < 20; w++) stage.phase(2500, 0.015, MB16).phase(128, 0.5, MB16);
        assertWithinTwice(stage, 0.1, 0.95, true);
    }

    @Test
    void stallRaisesTheEtaAndItRecovers() {
        // every job stops for 30 s half-way through a 200 s stage
        SimulatedStage stage = new SimulatedStage(4, 7).startup(2).phase(1000, 0.8, MB16).stall(100, 30);
        assertWithinTwice(stage);

        FakeClock clock = new FakeClock();
        EtaEstimator eta = new EtaEstimator(clock);
        List<Double> duringStall = new ArrayList<>();
        stage.replay(clock, 0.1, new SimulatedStage.Caller() {
            @Override
            public void update(long done, long total, long bytes) {
                eta.update(done, total, bytes);
            }

            @Override
            public void poll() {
                if (clock.seconds() > 50 && eta.secondsSinceUpdate() > 2) duringStall.add(eta.etaSeconds());
            }
        });
        assertTrue(duringStall.size() > 250, "polls while no chunk came: " + duringStall.size());
        for (int i = 1; i < duringStall.size(); i++) {
            assertTrue(duringStall.get(i) > duringStall.get(i - 1),
                    "the ETA rises while nothing comes: " + duringStall.get(i - 1) + " s, then " + duringStall.get(i) + " s");
        }
    }

    /**
     * Replays {@code stage}, asking for the ETA at every update and poll: known from 10 % of the units on, and
     * whenever known (before that too: unknown rather than wild), within 2x of the time really left, up to 95 %.
     */
    private static void assertWithinTwice(SimulatedStage stage) {
        assertWithinTwice(stage, 0.1, 0.95, false);
    }

    /**
     * As {@link #assertWithinTwice(SimulatedStage)}, with the ETA known from {@code knownFrom} of the units on, and
     * checked from there only if {@code onlyOnceKnown} (a stage of phases cannot know of a later one before it),
     * up to {@code until} of the units.
     */
    private static void assertWithinTwice(SimulatedStage stage, double knownFrom, double until, boolean onlyOnceKnown) {
        FakeClock clock = new FakeClock();
        EtaEstimator eta = new EtaEstimator(clock);
        double end = stage.end();
        long run = stage.total() - stage.alreadyDone();
        long[] done = {0};
        List<String> failures = new ArrayList<>();
        int[] checked = {0};
        Runnable check = () -> {
            long ownDone = done[0] - stage.alreadyDone();
            double estimate = eta.etaSeconds();
            boolean mustKnow = ownDone >= knownFrom * run;
            if (ownDone > until * run || !mustKnow && (onlyOnceKnown || Double.isNaN(estimate))) return;
            double left = end - clock.seconds();
            checked[0]++;
            if (Double.isNaN(estimate) || estimate > 2 * left || estimate < left / 2) {
                failures.add(String.format("at %.1f s, %d/%d done: ETA %.1f s, really %.1f s", clock.seconds(),
                        done[0], stage.total(), estimate, left));
            }
        };
        stage.replay(clock, 0.1, new SimulatedStage.Caller() {
            @Override
            public void update(long d, long total, long bytes) {
                eta.update(d, total, bytes);
                done[0] = d;
                check.run();
            }

            @Override
            public void poll() {
                check.run();
            }
        });
        assertTrue(checked[0] > 100, "checked " + checked[0]);
        assertFalse(failures.size() > 0, failures.size() + " of " + checked[0] + " off by more than 2x, first: "
                + failures.subList(0, Math.min(5, failures.size())));
    }
}
