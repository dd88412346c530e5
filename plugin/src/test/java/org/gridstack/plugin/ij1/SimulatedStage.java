package org.gridstack.plugin.ij1;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A made-up stage as the caller sees it: parallel jobs, each working through its fixed share of a phase's units one
 * after another (as the backend's jobs do), a barrier between phases (the shuffle's scatter, then finish), optional
 * start-up before each job's first unit, units already done counted at once at the start (a resumed run), and a
 * pause of every job (a stall). The updates come in time order, as the progress channel delivers them.
 */
final class SimulatedStage {
    record Update(double seconds, long done, long bytes) { }

    /** What the caller's side gets: updates, and polls (as the backend polls its cancel flag) in between. */
    interface Caller {
        void update(long done, long total, long bytes);

        void poll();
    }

    private record Phase(long units, double secondsPerUnit, long bytesPerUnit) { }

    private final int jobs;
    private final long seed;
    private double jitter = 0.2;
    private double startup;
    private long alreadyDone;
    private double alreadyDoneAt = 0.01;
    private double stallAt = Double.NaN;
    private double stallFor;
    private final List<Phase> phases = new ArrayList<>();

    private List<Update> updates;

    SimulatedStage(int jobs, long seed) {
        this.jobs = jobs;
        this.seed = seed;
    }

    /** Each job's first unit takes this much longer (start-up: class loading, JIT, cold files, connections). */
    SimulatedStage startup(double seconds) {
        this.startup = seconds;
        return this;
    }

    /** Units of {@code bytes} each, taking {@code seconds} each (give or take the jitter) on one job. */
    SimulatedStage phase(long units, double seconds, long bytes) {
        phases.add(new Phase(units, seconds, bytes));
        return this;
    }

    /** Units an earlier run left done: counted at once when the stage starts, before its start-up. */
    SimulatedStage alreadyDone(long units) {
        return alreadyDone(units, 0.01);
    }

    /** Units an earlier run left done, counted at once {@code at} seconds after the start (after a slow look-up). */
    SimulatedStage alreadyDone(long units, double at) {
        this.alreadyDone = units;
        this.alreadyDoneAt = at;
        return this;
    }

    /** Every job stops at {@code at} seconds for {@code seconds}. */
    SimulatedStage stall(double at, double seconds) {
        this.stallAt = at;
        this.stallFor = seconds;
        return this;
    }

    SimulatedStage jitter(double fraction) {
        this.jitter = fraction;
        return this;
    }

    /** Units an earlier run left done (counted at once at the start). */
    long alreadyDone() {
        return alreadyDone;
    }

    /**
     * Plays the stage on {@code clock} from 0: each update at its time, and a poll every {@code pollSeconds} in
     * between (the backend polls the cancel flag every 100 ms while its jobs run).
     */
    void replay(FakeClock clock, double pollSeconds, Caller caller) {
        long total = total();
        double nextPoll = pollSeconds;
        for (Update u : updates()) {
            for (; nextPoll < u.seconds(); nextPoll += pollSeconds) {
                clock.set(nextPoll);
                caller.poll();
            }
            clock.set(u.seconds());
            caller.update(u.done(), total, u.bytes());
        }
    }

    long total() {
        long total = alreadyDone;
        for (Phase p : phases) total += p.units;
        return total;
    }

    /** When the last unit is done. */
    double end() {
        List<Update> u = updates();
        return u.get(u.size() - 1).seconds();
    }

    List<Update> updates() {
        if (updates != null) return updates;
        Random random = new Random(seed);
        List<double[]> events = new ArrayList<>(); // {seconds, bytes}
        for (long i = 0; i < alreadyDone; i++) events.add(new double[] {alreadyDoneAt + i * 1e-6, 16_000_000});
        double phaseStart = alreadyDoneAt + 0.04;
        boolean first = true;
        for (Phase p : phases) {
            double phaseEnd = phaseStart;
            for (int j = 0; j < jobs; j++) {
                double t = phaseStart + (first ? startup * (0.9 + 0.2 * random.nextDouble()) : 0);
                for (long u = j; u < p.units; u += jobs) {
                    t += p.secondsPerUnit * (1 + jitter * (2 * random.nextDouble() - 1));
                    events.add(new double[] {t, p.bytesPerUnit});
                }
                phaseEnd = Math.max(phaseEnd, t);
            }
            phaseStart = phaseEnd + 0.05;
            first = false;
        }
        if (!Double.isNaN(stallAt)) {
            for (double[] e : events) if (e[0] > stallAt) e[0] += stallFor;
        }
        events.sort(Comparator.comparingDouble(e -> e[0]));
        updates = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < events.size(); i++) {
            bytes += (long) events.get(i)[1];
            updates.add(new Update(events.get(i)[0], i + 1, bytes));
        }
        return updates;
    }
}
