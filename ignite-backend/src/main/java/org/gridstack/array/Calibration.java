package org.gridstack.array;

import java.io.Serializable;
import java.util.Objects;

/**
 * What one step along each axis of an array measures: the pixel size (rows and columns) with its unit, and the
 * time between frames with its unit. Units are as ImageJ writes them ("µm", "nm", "s"); a unit of null means the
 * step is just a pixel or a frame. {@link #NONE} is an uncalibrated array. (A class, not a record: Ignite's binary
 * marshaller, which stores array metadata, cannot write records.)
 */
public final class Calibration implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final Calibration NONE = new Calibration(1, 1, null, 1, null);

    private final double pixelHeight;
    private final double pixelWidth;
    private final String spaceUnit;
    private final double frameInterval;
    private final String timeUnit;

    public Calibration(double pixelHeight, double pixelWidth, String spaceUnit, double frameInterval, String timeUnit) {
        if (!(pixelHeight > 0) || !(pixelWidth > 0) || !(frameInterval > 0)) {
            throw new IllegalArgumentException("calibration steps must be positive: " + pixelHeight + ", " + pixelWidth + ", " + frameInterval);
        }
        this.pixelHeight = pixelHeight;
        this.pixelWidth = pixelWidth;
        this.spaceUnit = spaceUnit;
        this.frameInterval = frameInterval;
        this.timeUnit = timeUnit;
    }

    public double pixelHeight() {
        return pixelHeight;
    }

    public double pixelWidth() {
        return pixelWidth;
    }

    public String spaceUnit() {
        return spaceUnit;
    }

    public double frameInterval() {
        return frameInterval;
    }

    public String timeUnit() {
        return timeUnit;
    }

    /**
     * The calibration of a power spectrum of this array over time: the same pixels, and along the first axis
     * frequency bins of 1 / (frames * frame interval), in the inverse of the time unit.
     */
    public Calibration spectrumOver(long frames) {
        return new Calibration(pixelHeight, pixelWidth, spaceUnit, 1.0 / (frames * frameInterval), timeUnit == null ? null : "1/" + timeUnit);
    }

    public boolean isNone() {
        return equals(NONE);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Calibration)) return false;
        Calibration c = (Calibration) o;
        return pixelHeight == c.pixelHeight && pixelWidth == c.pixelWidth && frameInterval == c.frameInterval
                && Objects.equals(spaceUnit, c.spaceUnit) && Objects.equals(timeUnit, c.timeUnit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pixelHeight, pixelWidth, spaceUnit, frameInterval, timeUnit);
    }

    @Override
    public String toString() {
        return pixelHeight + " x " + pixelWidth + " " + (spaceUnit == null ? "pixel" : spaceUnit) + ", " + frameInterval + " "
                + (timeUnit == null ? "frame" : timeUnit);
    }
}
