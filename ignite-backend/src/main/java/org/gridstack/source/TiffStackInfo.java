package org.gridstack.source;

import org.gridstack.array.Calibration;
import org.gridstack.base.GridStackException;
import org.gridstack.zarr.OmeNgff;

/**
 * What a TIFF's first page says of the stack: the calibration of its pages and how many channels, z slices and time
 * frames they are (1 each when it says nothing). Read, in this order of precedence, from OME-XML in the
 * ImageDescription (PhysicalSizeX/Y, TimeIncrement, SizeC/Z/T), from ImageJ's description ("unit=", "finterval=",
 * "tunit=", "channels=", "slices=", "frames=") with the XResolution/YResolution tags (ImageJ stores 1 / pixel size
 * there), or from the resolution tags alone: centimetres are turned into µm, inches are kept, and no ResolutionUnit
 * (or "none") without ImageJ's unit is no calibration. A frame interval is only the time step between frames.
 */
record TiffStackInfo(Calibration calibration, long channels, long slices, long frames) {
    private static final int RESOLUTION_INCH = 2, RESOLUTION_CM = 3;

    static final TiffStackInfo NONE = new TiffStackInfo(Calibration.NONE, 1, 1, 1);

    static TiffStackInfo of(TiffDirectory page) {
        if (page == null) return NONE;
        OmeXml ome = OmeXml.parse(page.description);
        if (ome != null) return ome(ome);
        ImageJDescription imagej = ImageJDescription.parse(page.description);
        if (imagej != null) return imagej(imagej, page);
        return new TiffStackInfo(fromTags(page), 1, 1, 1);
    }

    /**
     * Fails, naming {@code where}, if the pages are more than one axis (channels, or z slices and time frames): Grid
     * Stack reads a multi-page TIFF's pages as the frames of one axis, which would mix them.
     */
    void requireOneAxis(String where) {
        int axes = (channels > 1 ? 1 : 0) + (slices > 1 ? 1 : 0) + (frames > 1 ? 1 : 0);
        if (channels > 1 || axes > 1) {
            throw new GridStackException(where + " is a hyperstack of " + channels + " channels x " + slices + " z slices x " + frames
                    + " time frames; Grid Stack opens one channel whose pages are one axis (time frames, or z slices)");
        }
    }

    private static TiffStackInfo ome(OmeXml ome) {
        boolean pixelSize = ome.physicalSizeX() > 0;
        double width = pixelSize ? ome.physicalSizeX() : 1;
        double height = ome.physicalSizeY() > 0 ? ome.physicalSizeY() : width;
        boolean time = ome.sizeT() > 1 && ome.timeIncrement() > 0;
        Calibration c = calibration(height, width, pixelSize ? unit(ome.physicalSizeXUnit()) : null,
                time ? ome.timeIncrement() : 1, time ? unit(ome.timeIncrementUnit()) : null);
        return new TiffStackInfo(c, ome.sizeC(), ome.sizeZ(), ome.sizeT());
    }

    private static TiffStackInfo imagej(ImageJDescription d, TiffDirectory page) {
        String unit = d.text("unit");
        boolean pixelSize = unit != null && !unit.isEmpty() && !unit.equals("pixel") && page.xResolution > 0;
        double width = pixelSize ? 1 / page.xResolution : 1;
        double height = pixelSize && page.yResolution > 0 ? 1 / page.yResolution : width;
        double interval = d.number("finterval");
        String timeUnit = d.text("tunit") == null ? "sec" : d.text("tunit");
        Calibration c = calibration(height, width, pixelSize ? unit(unit) : null, interval > 0 ? interval : 1,
                interval > 0 ? unit(timeUnit) : null);
        return new TiffStackInfo(c, d.count("channels"), d.count("slices"), d.count("frames"));
    }

    private static Calibration fromTags(TiffDirectory page) {
        if (!(page.xResolution > 0) || page.resolutionUnit != RESOLUTION_CM && page.resolutionUnit != RESOLUTION_INCH) {
            return Calibration.NONE;
        }
        double width = 1 / page.xResolution, height = page.yResolution > 0 ? 1 / page.yResolution : width;
        if (page.resolutionUnit == RESOLUTION_INCH) return calibration(height, width, "inch", 1, null);
        return calibration(height * 1e4, width * 1e4, "\u00b5m", 1, null);
    }

    private static Calibration calibration(double height, double width, String spaceUnit, double interval, String timeUnit) {
        Calibration c = new Calibration(height, width, spaceUnit, interval, timeUnit);
        return spaceUnit == null && timeUnit == null ? Calibration.NONE : c;
    }

    /** A unit as Grid Stack keeps it ("micron" and "um" as "µm", "sec" as "s"); one it does not know stays as written. */
    private static String unit(String written) {
        String known = OmeNgff.unit(written);
        return known == null ? written.trim() : OmeNgff.imagejUnit(known);
    }
}
