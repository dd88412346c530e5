package org.gridstack.plugin.ij1;

import ij.ImagePlus;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.Calibration;

/**
 * How ImageJ sees a grid array's axes: its first axis as time frames (T, not Z: ImageJ calls a plain stack's
 * images slices), and its calibration (pixel size and unit, frame interval and time unit) on the ImagePlus.
 */
public final class ImageAxes {
    private ImageAxes() {}

    /** {@code imp} shows {@code meta}'s frames: T = frames, and its calibration. */
    public static ImagePlus stack(ImagePlus imp, ArrayMeta meta) {
        if (imp.getStackSize() == meta.grid().frames()) imp.setDimensions(1, 1, imp.getStackSize());
        Calibration c = meta.calibration();
        pixelSize(imp, c);
        if (c.timeUnit() != null) {
            ij.measure.Calibration cal = imp.getCalibration();
            cal.frameInterval = c.frameInterval();
            cal.setTimeUnit(c.timeUnit());
        }
        return imp;
    }

    /** {@code imp} (an image of the array's rows and columns) has its pixel size and unit. */
    public static ImagePlus pixelSize(ImagePlus imp, Calibration c) {
        if (c.spaceUnit() != null) {
            ij.measure.Calibration cal = imp.getCalibration();
            cal.pixelWidth = c.pixelWidth();
            cal.pixelHeight = c.pixelHeight();
            cal.setUnit(c.spaceUnit());
        }
        return imp;
    }
}
