package org.gridstack.plugin.gui;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.io.File;
import javax.imageio.ImageIO;

/** Saves a PNG of the whole screen of $DISPLAY; run in a child JVM (the test JVM itself is headless). */
public final class ScreenShot {
    private ScreenShot() {}

    public static void main(String[] args) throws Exception {
        Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        ImageIO.write(new Robot().createScreenCapture(screen), "png", new File(args[0]));
        System.exit(0);
    }
}
