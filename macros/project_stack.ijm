// Opens a stack as a grid stack, persists it, and saves the average projection, the slice means and the
// brightness plot. Arguments: source=... output=... [first=0] [last=-1] [name=stack]
args = getArgument();
source = valueOf(args, "source", "");
output = valueOf(args, "output", "");
first = valueOf(args, "first", "0");
last = valueOf(args, "last", "-1");
name = valueOf(args, "name", "stack");
if (source == "" || output == "") exit("usage: source=<folder, pattern or TIFF> output=<folder> [first=] [last=] [name=]");
File.makeDirectory(output);

run("Open Grid Stack...", "source=[" + source + "] first=" + first + " last=" + last + " name=" + name + " frames=0");
run("Persist Grid Stack", "name=" + name);
run("Grid Z Project...", "name=" + name + " projection=[Average Intensity]");
saveAs("Tiff", output + "/mean_time.tif");
close();
run("Grid Slice Means...", "name=" + name + " csv=[" + output + "/brightness.csv]");
saveAs("PNG", output + "/brightness.png");
close();
print("Grid Stack: wrote mean_time.tif, brightness.csv and brightness.png into " + output);

function valueOf(args, key, fallback) {
    parts = split(args, " ");
    for (i = 0; i < parts.length; i++) {
        if (startsWith(parts[i], key + "=")) return substring(parts[i], lengthOf(key) + 1);
    }
    return fallback;
}
