// The seed pipeline on a grid stack: open, persist, mean over time, slice means, recenter, FFT power, plots.
// Arguments (space-separated key=value): input=<folder or printf pattern> [first=0] [last=-1]
//   output=<folder> [crop=<even, default min(H,W)/2>] [block=<time-series block side, default automatic>]
//   [save=all|small]: all (default) writes every result file; small skips the two stack-sized ones,
//   recentered.tif (frames x crop x crop pixels) and power.tif (4 bytes a pixel), as scripts/scale-bench does.
args = getArgument();
input = valueOf(args, "input", "");
output = valueOf(args, "output", "");
first = valueOf(args, "first", "0");
last = valueOf(args, "last", "-1");
crop = valueOf(args, "crop", "");
block = valueOf(args, "block", "");
saveFiles = valueOf(args, "save", "all");
if (input == "" || output == "" || (saveFiles != "all" && saveFiles != "small")) exit("usage: input=<folder or pattern> output=<folder> [first=] [last=] [crop=] [block=] [save=all|small]");
File.makeDirectory(output);
setBatchMode(true);

t0 = getTime();
run("Open Grid Stack...", "source=[" + input + "] first=" + first + " last=" + last + " name=seed frames=0 show");
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
if (saveFiles == "all") run("Save Grid Stack...", "name=seed_recentered path=[" + output + "/recentered.tif]");
run("Grid Z Project...", "name=seed_recentered projection=[Average Intensity]");
saveAs("Tiff", output + "/recentered_mean.tif");
close();

t0 = getTime();
run("Grid FFT Power...", "name=seed_recentered block=[" + block + "] target=seed_power");
fftSeconds = (getTime() - t0) / 1000;
if (saveFiles == "all") run("Save Grid Stack...", "name=seed_power path=[" + output + "/power.tif]");
run("Plot Spectrum...", "name=seed_power x=0 y=0");
saveAs("PNG", output + "/spectrum_corner.png");
close();
run("Plot Spectrum...", "name=seed_power x=" + cropSize / 2 + " y=" + cropSize / 2);
saveAs("PNG", output + "/spectrum_center.png");
close();

stages = newArray("load+persist", "mean over time", "slice means", "recenter", "rechunk+fft");
seconds = newArray(loadSeconds, meanSeconds, sliceSeconds, recenterSeconds, fftSeconds);
fftMb = cropSize * cropSize * frames * pixelBytes / 1e6;
megabytes = newArray(mb, mb, mb, mb, fftMb);
f = File.open(output + "/timings.csv");
print(f, "stage,seconds,mb_per_s");
for (i = 0; i < stages.length; i++) print(f, stages[i] + "," + d2s(seconds[i], 3) + "," + d2s(megabytes[i] / maxOf(seconds[i], 0.001), 3));
File.close(f);
print("Grid Stack seed pipeline: results in " + output);

function valueOf(args, key, fallback) {
    parts = split(args, " ");
    for (i = 0; i < parts.length; i++) {
        if (startsWith(parts[i], key + "=")) return substring(parts[i], lengthOf(key) + 1);
    }
    return fallback;
}
