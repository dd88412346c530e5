// The seed pipeline on a grid stack: open, persist, mean over time, slice means, recenter, FFT power, plots.
// Arguments, in ImageJ's key=value form (a value with spaces goes in [brackets]):
//   input=<folder or printf pattern> [first=0] [last=-1] output=<folder>
//   [crop=<even, default min(H,W)/2>] [block=<time-series block side, default automatic>]
//   [save=all|small]: all (default) writes every result file; small skips the two stack-sized ones,
//   the recentered stack (frames x crop x crop pixels) and the power spectrum (4 bytes a pixel), as scripts/scale-bench does.
//   [format=zarr|tiff]: the stack-sized results as OME-Zarr folders recentered.zarr and power.zarr (default; chunked,
//   written in parallel, replacing this macro's earlier ones) or as TIFF stacks recentered.tif and power.tif.
// A missing or unknown argument stops the macro with a macro error (scripts/gridstack then exits with 1).
args = getArgument();
usage = "seed_pipeline.ijm takes input=<folder or pattern> output=<folder> [first=0] [last=-1] [crop=] [block=] [save=all|small] [format=zarr|tiff]; put a value with spaces in [brackets]";
call("org.gridstack.plugin.ij1.MacroErrors.checkKeys", args, "input output first last crop block save format", usage);
input = argument(args, "input", "");
output = argument(args, "output", "");
first = argument(args, "first", "0");
last = argument(args, "last", "-1");
crop = argument(args, "crop", "");
block = argument(args, "block", "");
saveFiles = argument(args, "save", "all");
stackFormat = argument(args, "format", "zarr");
if (input == "") fail("input= is required; " + usage);
if (output == "") fail("output= is required; " + usage);
if (saveFiles != "all" && saveFiles != "small") fail("save (" + saveFiles + ") must be all or small");
if (stackFormat != "zarr" && stackFormat != "tiff") fail("format (" + stackFormat + ") must be zarr or tiff");
makeFolders(output);
setBatchMode(true);

t0 = getTime();
run("Open Grid Stack...", "source=[" + input + "] first=[" + first + "] last=[" + last + "] name=seed frames=0 show");
frames = nSlices;
pixelBytes = bitDepth() / 8;
mb = getWidth() * getHeight() * frames * pixelBytes / 1e6;
close();
run("Persist Grid Stack", "name=seed");
loadSeconds = (getTime() - t0) / 1000;

t0 = getTime();
run("Grid Z Project...", "name=seed projection=[Average Intensity]");
meanSeconds = (getTime() - t0) / 1000;
saveAs("Tiff", output + "/mean_time.tif");
close();

t0 = getTime();
run("Grid Slice Means...", "name=seed csv=[" + output + "/brightness.csv]");
sliceSeconds = (getTime() - t0) / 1000;
saveAs("PNG", output + "/brightness.png");
close();

t0 = getTime();
run("Grid Recenter...", "name=seed crop=[" + crop + "] target=seed_recentered csv=[" + output + "/centroids.csv] show");
recenterSeconds = (getTime() - t0) / 1000;
cropSize = getWidth();
close();
if (saveFiles == "all") saveStack("seed_recentered", output + "/recentered", stackFormat);
run("Grid Z Project...", "name=seed_recentered projection=[Average Intensity]");
saveAs("Tiff", output + "/recentered_mean.tif");
close();

t0 = getTime();
run("Grid FFT Power...", "name=seed_recentered block=[" + block + "] target=seed_power");
fftSeconds = (getTime() - t0) / 1000;
if (saveFiles == "all") saveStack("seed_power", output + "/power", stackFormat);
t0 = getTime();
run("Plot Spectrum...", "name=seed_power x=0 y=0");
cornerSeconds = (getTime() - t0) / 1000;
saveAs("PNG", output + "/spectrum_corner.png");
close();
t0 = getTime();
run("Plot Spectrum...", "name=seed_power x=" + cropSize / 2 + " y=" + cropSize / 2);
centerSeconds = (getTime() - t0) / 1000;
saveAs("PNG", output + "/spectrum_center.png");
close();
print("Plot Spectrum of one pixel after the FFT: " + d2s(cornerSeconds, 3) + " s (corner), " + d2s(centerSeconds, 3) + " s (center)");

stages = newArray("load+persist", "mean over time", "slice means", "recenter", "rechunk+fft");
seconds = newArray(loadSeconds, meanSeconds, sliceSeconds, recenterSeconds, fftSeconds);
fftMb = cropSize * cropSize * frames * pixelBytes / 1e6;
megabytes = newArray(mb, mb, mb, mb, fftMb);
timings = "stage,seconds,mb_per_s\n";
for (i = 0; i < stages.length; i++) timings = timings + stages[i] + "," + d2s(seconds[i], 3) + "," + d2s(megabytes[i] / maxOf(seconds[i], 0.001), 3) + "\n";
File.saveString(timings, output + "/timings.csv"); // a failed write is a macro error (File.open/print would drop it)
print("Grid Stack seed pipeline: results in " + output);

// ImageJ's own reading of key=value options, as run() does: [brackets] keep spaces, a missing key gives fallback.
function argument(args, key, fallback) {
    return call("ij.Macro.getValue", args, key, fallback);
}

// Stops the macro with a macro error; exit() would end it as a success.
function fail(message) {
    call("org.gridstack.plugin.ij1.MacroErrors.error", message);
}

// The folder and any missing parents (File.makeDirectory makes one level); a macro error if it cannot be made.
function makeFolders(path) {
    if (File.isDirectory(path)) return;
    parent = File.getParent(path);
    if (parent != "" && parent != path) makeFolders(parent);
    File.makeDirectory(path);
    if (!File.isDirectory(path)) fail("cannot create the output folder " + path);
}

// A stack-sized result, as OME-Zarr (path.zarr, replacing this macro's earlier one) or as a TIFF stack (path.tif).
function saveStack(name, path, stackFormat) {
    if (stackFormat == "zarr") run("Save Grid Stack...", "name=" + name + " path=[" + path + ".zarr] format=Zarr overwrite");
    else run("Save Grid Stack...", "name=" + name + " path=[" + path + ".tif] format=TIFF");
}
