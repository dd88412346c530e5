package org.gridstack.plugin.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.macro.Interpreter;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.gridstack.GridStack;
import org.gridstack.plugin.GridService;
import org.gridstack.sample.SyntheticStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;

/**
 * Commands run through GridCommandPlugIn with macro options, as ImageJ runs them for run("...", "..."): every bad
 * value fails with one message naming the key (nothing rounded, defaulted or ignored), and a failure leaves the
 * grid's arrays as they were.
 */
class CommandInputsTest {
    private static final int T = 6, H = 16, W = 20;
    private static boolean batchMode;
    private static GridService service;
    private static String pattern;
    private static String refId;
    private static long refChecksum;

    @BeforeAll
    static void openReference(@TempDir Path data) throws Exception {
        batchMode = Interpreter.batchMode;
        Interpreter.batchMode = true; // shown images stay off screen, as in the headless launcher
        service = SciJavaContexts.get().service(GridService.class);
        pattern = new SyntheticStack(T, H, W, 3).writeTiffs(data);
        assertNull(run("OpenGridStack", "source=[" + pattern + "] name=inputs_ref frames=2"));
        refId = grid().array("inputs_ref").id();
        refChecksum = checksum("inputs_ref");
    }

    @AfterAll
    static void restore() {
        Interpreter.batchMode = batchMode;
    }

    /** Whatever failed, the reference array is the same array with the same frames. */
    @AfterEach
    void referenceIsIntact() {
        assertEquals(refId, grid().array("inputs_ref").id(), "the reference array was not replaced");
        assertEquals(refChecksum, checksum("inputs_ref"), "the reference array's frames are unchanged");
    }

    private static GridStack grid() {
        return service.grid();
    }

    private static long checksum(String array) {
        CRC32 crc = new CRC32();
        crc.update((byte[]) grid().frames(array, 0, (int) grid().array(array).grid().frames()));
        return crc.getValue();
    }

    /** Runs a command as run(label, options) does in a macro; its failure message, or null if it succeeded. */
    static String run(String commandClass, String options) {
        Thread thread = Thread.currentThread();
        String name = thread.getName();
        thread.setName("Run$_" + name); // ImageJ hands macro options only to threads so named
        Macro.setOptions(options);
        service.setLastFailure(null);
        try {
            new GridCommandPlugIn().run(commandClass);
        } finally {
            Macro.setOptions(null);
            thread.setName(name);
        }
        return service.lastFailure();
    }

    private static void assertFails(String expected, String commandClass, String options) {
        String failure = run(commandClass, options);
        assertEquals(expected, failure, commandClass + " " + options);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "projection=max                | max",
        "projection=[Average Intensty] | Average Intensty",
        "projection=[max intensity]    | max intensity",
        "projection=                   | blank",
    })
    void anUnknownChoiceFailsNamingKeyValueAndChoices(String option, String shown) {
        assertFails("Grid Z Project...: projection (" + shown + ") must be one of: Average Intensity, Max Intensity, "
                + "Min Intensity, Sum Slices, Standard Deviation", "GridZProject", "name=inputs_ref " + option);
    }

    @Test
    void aKnownChoiceIsTheOneUsed() {
        assertNull(run("GridZProject", "name=inputs_ref projection=[Max Intensity]"));
        ImagePlus max = WindowManager.getCurrentImage();
        assertEquals("MAX_inputs_ref", max.getTitle());
        assertEquals(8, max.getBitDepth(), "Max keeps the stack's type (Average would be 32-bit)");
        max.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "frames=abc      | frames (abc) must be a whole number from 0 to 2147483647",
        "first=2.7       | first (2.7) must be a whole number from 0 to 2147483647",
        "first=-3        | first (-3) must be a whole number from 0 to 2147483647",
        "last=-2         | last (-2) must be a whole number from -1 to 2147483647",
        "frames=1e10     | frames (1e10) must be a whole number from 0 to 2147483647",
        "frames=2147483648 | frames (2147483648) must be a whole number from 0 to 2147483647",
        "frames=0x10     | frames (0x10) must be a whole number from 0 to 2147483647",
        "frames=NaN      | frames (NaN) must be a whole number from 0 to 2147483647",
        "frames=         | frames (blank) must be a whole number from 0 to 2147483647",
        "frames          | frames needs a value: frames=...",
    })
    void aBadNumberFailsNamingKeyValueAndRange(String option, String message) {
        // name=inputs_ref: a failed Open must not replace the array of that name
        assertFails("Open Grid Stack...: " + message, "OpenGridStack", "source=[" + pattern + "] name=inputs_ref " + option);
    }

    @Test
    void wholeNumbersWrittenAsDecimalsOrExponentsAreTakenExactly() {
        assertNull(run("OpenGridStack", "source=[" + pattern + "] name=inputs_exact first=2.0 last=4e0 frames=1E0"));
        assertEquals(3, grid().array("inputs_exact").grid().frames(), "frames 2..4");
        grid().drop("inputs_exact");
    }

    @Test
    void longAndBoundedIntegerParametersUseTheSameParser(@TempDir Path out) {
        assertFails("Generate Synthetic Stack...: seed (1.5) must be a whole number from -9223372036854775808 to 9223372036854775807",
                "GenerateSyntheticStack", "folder=[" + out + "] slices=2 height=8 width=8 seed=1.5");
        assertFails("Generate Synthetic Stack...: slices (0) must be a whole number from 1 to 2147483647",
                "GenerateSyntheticStack", "folder=[" + out + "] slices=0 height=8 width=8");
        assertFails("Connect to Grid...: timeout (0.5) must be a whole number from 1 to 2147483647",
                "ConnectToGrid", "addresses=127.0.0.1:1 timeout=0.5");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GridRecenter | name=inputs_ref crop=1e10 | Grid Recenter...: crop (1e10) must be a whole number from 2 to 2147483647, or blank to choose automatically",
        "GridRecenter | name=inputs_ref crop=7.5  | Grid Recenter...: crop (7.5) must be a whole number from 2 to 2147483647, or blank to choose automatically",
        "GridRechunk  | name=inputs_ref block=abc | Grid Rechunk...: block (abc) must be a whole number from 1 to 2147483647, or blank to choose automatically",
        "GridFftPower | name=inputs_ref block=0   | Grid FFT Power...: block (0) must be a whole number from 1 to 2147483647, or blank to choose automatically",
        "PlotSpectrum | name=inputs_ref x=1.5 y=2 | Plot Spectrum...: 'inputs_ref' is not a power spectrum (it is read from ",
    })
    void wholeNumberTextKeysUseTheSameParser(String command, String options, String message) {
        String failure = run(command, options);
        assertTrue(failure != null && failure.startsWith(message), failure);
    }

    @Test
    void plotSpectrumRefusesAnArrayThatIsNotAPowerSpectrumAndParsesItsPixelsStrictly() {
        String failure = run("PlotSpectrum", "name=inputs_ref x=1 y=2");
        assertTrue(failure.startsWith("Plot Spectrum...: 'inputs_ref' is not a power spectrum (it is read from "), failure);
        assertTrue(failure.endsWith("): run Grid FFT Power... on it and plot the result (by default inputs_ref_power)"), failure);

        assertNull(run("GridFftPower", "name=inputs_ref target=inputs_ref_power"));
        assertNull(run("GridRechunk", "name=inputs_ref_power block=4 target=inputs_ref_power_blocks"));
        assertFails("Plot Spectrum...: x (1.5) must be a whole number from 0 to 2147483647", "PlotSpectrum", "name=inputs_ref_power x=1.5 y=2");
        assertFails("Plot Spectrum...: y (-2) must be a whole number from 0 to 2147483647", "PlotSpectrum", "name=inputs_ref_power x=1 y=-2");
        assertNull(run("PlotSpectrum", "name=inputs_ref_power x=1 y=2"));
        assertTrue(WindowManager.getCurrentImage().getTitle().startsWith("Spectrum of inputs_ref_power"));
        WindowManager.getCurrentImage().close();
        assertNull(run("PlotSpectrum", "name=inputs_ref_power_blocks x=1,3 y=2,0"), "a rechunked power array is still one");
        WindowManager.getCurrentImage().close();
        grid().drop("inputs_ref_power_blocks");
        grid().drop("inputs_ref_power");
    }

    @Test
    void unknownRepeatedOrMalformedKeysFail() {
        assertFails("Grid Z Project...: unknown key 'projecton' (the keys are: name, projection)",
                "GridZProject", "name=inputs_ref projecton=[Max Intensity]");
        assertFails("Grid Z Project...: unknown key 'Name' (the keys are: name, projection)", "GridZProject", "Name=inputs_ref");
        assertFails("Grid Status: unknown key 'verbose' (this command takes no keys)", "GridStatusCommand", "verbose");
        assertFails("Grid Z Project...: name is given twice", "GridZProject", "name=inputs_ref name=other");
        assertFails("Grid Z Project...: name: the value's '[' has no closing ']' in \"name=[inputs_ref projection=max\"",
                "GridZProject", "name=[inputs_ref projection=max");
        assertFails("Open Grid Stack...: show is a checkbox: write show alone to switch it on, leave it out for off (not show=false)",
                "OpenGridStack", "source=x name=inputs_ref show=false");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SaveGridStack | name=inputs_ref path=[]  | Save Grid Stack...: path is required (path of the file (TIFF) or new folder (Zarr) to write): give path=...",
        "SaveGridStack | name=inputs_ref          | Save Grid Stack...: path is required (path of the file (TIFF) or new folder (Zarr) to write): give path=...",
        "SaveGridStack | name=inputs_ref path=[ ] | Save Grid Stack...: path is required (path of the file (TIFF) or new folder (Zarr) to write): give path=...",
        "OpenGridStack | name=inputs_ref          | Open Grid Stack...: source is required (source: folder, file pattern (slice_%05d.tif), URL pattern, TIFF, Zarr / OME-Zarr folder, or HDF5 file.h5:/dataset): give source=...",
    })
    void aRequiredTextLeftBlankFails(String command, String options, String message) {
        assertFails(message, command, options);
    }

    @Test
    void everyCommandHasOneKeyPerInput() {
        for (CommandInfo info : SciJavaContexts.get().service(CommandService.class).getCommands()) {
            if (info.getClassName().startsWith("org.gridstack.plugin.commands.")) new CommandDialog(info);
        }
    }
}
