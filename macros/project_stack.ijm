// Opens a stack as a grid stack, persists it, and saves the average projection, the slice means and the
// brightness plot. Arguments, in ImageJ's key=value form (a value with spaces goes in [brackets]):
//   source=<folder, pattern or TIFF> output=<folder> [first=0] [last=-1] [name=stack]
// A missing or unknown argument stops the macro with a macro error (scripts/gridstack then exits with 1).
args = getArgument();
usage = "project_stack.ijm takes source=<folder, pattern or TIFF> output=<folder> [first=0] [last=-1] [name=stack]; put a value with spaces in [brackets]";
call("org.gridstack.plugin.ij1.MacroErrors.checkKeys", args, "source output first last name", usage);
source = argument(args, "source", "");
output = argument(args, "output", "");
first = argument(args, "first", "0");
last = argument(args, "last", "-1");
name = argument(args, "name", "stack");
if (source == "") fail("source= is required; " + usage);
if (output == "") fail("output= is required; " + usage);
makeFolders(output);

run("Open Grid Stack...", "source=[" + source + "] first=[" + first + "] last=[" + last + "] name=[" + name + "] frames=0");
run("Persist Grid Stack", "name=[" + name + "]");
run("Grid Z Project...", "name=[" + name + "] projection=[Average Intensity]");
saveAs("Tiff", output + "/mean_time.tif");
close();
run("Grid Slice Means...", "name=[" + name + "] csv=[" + output + "/brightness.csv]");
saveAs("PNG", output + "/brightness.png");
close();
print("Grid Stack: wrote mean_time.tif, brightness.csv and brightness.png into " + output);

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
