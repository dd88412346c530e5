package org.gridstack.source;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The first image's {@code Pixels} element of the OME-XML an OME-TIFF keeps in its first page's ImageDescription:
 * its sizes, its pixel size and time increment with their units (OME's defaults: µm and s).
 */
record OmeXml(long sizeC, long sizeZ, long sizeT, double physicalSizeX, String physicalSizeXUnit, double physicalSizeY,
        String physicalSizeYUnit, double timeIncrement, String timeIncrementUnit) {

    /** The Pixels of an OME-XML description, or null if the description is not OME-XML (or has no Pixels). */
    static OmeXml parse(String description) {
        if (description == null || !description.contains("<OME")) return null;
        Element pixels;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList found = factory.newDocumentBuilder().parse(new InputSource(new StringReader(description)))
                    .getElementsByTagNameNS("*", "Pixels");
            if (found.getLength() == 0) return null;
            pixels = (Element) found.item(0);
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return null;
        }
        return new OmeXml(count(pixels, "SizeC"), count(pixels, "SizeZ"), count(pixels, "SizeT"),
                number(pixels, "PhysicalSizeX"), unit(pixels, "PhysicalSizeXUnit", "\u00b5m"),
                number(pixels, "PhysicalSizeY"), unit(pixels, "PhysicalSizeYUnit", "\u00b5m"),
                number(pixels, "TimeIncrement"), unit(pixels, "TimeIncrementUnit", "s"));
    }

    private static long count(Element e, String attribute) {
        double v = number(e, attribute);
        return v >= 1 ? (long) v : 1;
    }

    /** A positive number, or 0 when absent or not one. */
    private static double number(Element e, String attribute) {
        try {
            double v = Double.parseDouble(e.getAttribute(attribute));
            return v > 0 && Double.isFinite(v) ? v : 0;
        } catch (NumberFormatException ex) {
            return 0;
        }
    }

    private static String unit(Element e, String attribute, String omeDefault) {
        String u = e.getAttribute(attribute);
        return u.isEmpty() ? omeDefault : u;
    }
}
